package dev.handshake.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.schema.InvalidSchemaException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterSchemasTest {

  @Test
  void loadsFilesThatUseEachOthersNamedTypesWhateverTheirOrder(@TempDir Path dir) throws Exception {
    // "A" sorts first but needs Address, defined in "B".
    Files.writeString(dir.resolve("A-UserMoved.avsc"), """
        {"type":"record","name":"UserMoved","namespace":"x","fields":[{"name":"to","type":"x.Address"}]}""");
    Files.writeString(dir.resolve("B-Address.avsc"), """
        {"type":"record","name":"Address","namespace":"x","aliases":["x.OldAddress"],
         "fields":[{"name":"city","type":"string"}]}""");

    WriterSchemas writers = WriterSchemas.load(dir, dir);

    assertThat(writers.byFullName("x.UserMoved")).get()
        .satisfies(f -> assertThat(f.displayPath()).isEqualTo("A-UserMoved.avsc"));
    Schema oldReader = new Schema.Parser().parse("""
        {"type":"record","name":"OldAddress","namespace":"x","fields":[{"name":"city","type":"string"}]}""");
    // a renamed record that keeps its old name as an alias is still the writer for readers of the old name
    // (the static check then reports the rename to them)
    assertThat(writers.forReader(oldReader)).get()
        .satisfies(f -> assertThat(f.displayPath()).isEqualTo("B-Address.avsc"));
  }

  @Test
  void namesTheFileOfASchemaThatCannotBeParsed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Broken.avsc"), "{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"a\"}]}");

    assertThatThrownBy(() -> WriterSchemas.load(dir, dir)).isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("Broken.avsc");
  }

  @Test
  void aMissingDirectoryHoldsNoSchemas(@TempDir Path dir) {
    assertThat(WriterSchemas.load(dir.resolve("absent"), dir).size()).isZero();
  }
  @Test
  void registeredVersionsUnderHistoryAreNotWriterSchemas(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("history/x.User"));
    Files.writeString(dir.resolve("history/x.User/v1.avsc"), """
        {"type":"record","name":"User","namespace":"x","fields":[{"name":"id","type":"string"}]}""");
    Files.writeString(dir.resolve("User.avsc"), """
        {"type":"record","name":"User","namespace":"x","fields":[{"name":"id","type":"string"},
         {"name":"email","type":"string","default":""}]}""");

    WriterSchemas writers = WriterSchemas.load(dir, dir);

    assertThat(writers.byFullName("x.User")).get().satisfies(f -> {
      assertThat(f.displayPath()).isEqualTo("User.avsc");
      assertThat(f.schema().getField("email")).isNotNull();
    });
  }

  @Test
  void twoDifferentSchemasForOneRecordAreRefusedNamingBothFiles(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("old"));
    Files.writeString(dir.resolve("old/User.avsc"), """
        {"type":"record","name":"User","namespace":"x","fields":[{"name":"id","type":"string"}]}""");
    Files.writeString(dir.resolve("User.avsc"), """
        {"type":"record","name":"User","namespace":"x","fields":[{"name":"id","type":"long"}]}""");

    assertThatThrownBy(() -> WriterSchemas.load(dir, dir)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"x.User\"").hasMessageContaining("User.avsc").hasMessageContaining("old/User.avsc");
  }
}
