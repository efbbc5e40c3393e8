package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.history.LocalSchemaRegistry;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.history.SchemaDownloader;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.tasks.SubjectCheck;
import dev.handshake.core.tasks.SubjectCheckResult;
import dev.handshake.core.schema.SchemaLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history downloaded from a registry (the embedded one, in process) keeps each version's schema references
 * beside it, so the offline check parses a version that uses another subject's types.
 */
class DownloadedReferencesTest {
  private static final String ADDRESS = "{\"type\": \"record\", \"name\": \"Address\", \"namespace\": \"dl\", "
      + "\"fields\": [{\"name\": \"city\", \"type\": \"string\"}]}";
  private static final String ORDER = "{\"type\": \"record\", \"name\": \"Order\", \"namespace\": \"dl\", "
      + "\"fields\": [{\"name\": \"shipTo\", \"type\": \"dl.Address\"}]}";
  private static final List<SchemaReference> REFERENCES = List.of(new SchemaReference("dl.Address", "dl.Address", 1));

  @TempDir
  Path dataDir;
  @TempDir
  Path output;

  @Test
  void theOfflineCheckReadsADownloadedHistoryThatUsesReferences() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry registry = RestSchemaRegistry.of(server.url());
      registry.register("dl.Address", RegistrySchema.of(ADDRESS));
      registry.register("dl.Order", new RegistrySchema(ORDER, REFERENCES));
      SchemaDownloader downloader = new SchemaDownloader(registry);
      downloader.history("dl.Address", output);
      downloader.history("dl.Order", output);
    }

    assertThat(output.resolve("history/dl.Address/v1.references.json")).doesNotExist();
    assertThat(Files.readString(output.resolve("history/dl.Order/v1.references.json")).replaceAll("\\s", ""))
        .isEqualTo("[{\"name\":\"dl.Address\",\"subject\":\"dl.Address\",\"version\":1}]");
    LocalSchemaRegistry offline = new LocalSchemaRegistry(output);
    assertThat(offline.version("dl.Order", 1).references()).isEqualTo(REFERENCES);
    SubjectCheck check = new SubjectCheck(offline);
    String withTotal = ORDER.replace("]}", ", {\"name\": \"total\", \"type\": \"long\"}]}");
    SubjectCheckResult result = check.check("dl.Order",
        new SchemaLoader().parse("Order.avsc", withTotal, check.resolveReferences(REFERENCES)), REFERENCES, null);
    assertThat(result.report().findings()).extracting(f -> f.rule().name()).containsExactly("FIELD_ADDED_WITHOUT_DEFAULT");
  }
}
