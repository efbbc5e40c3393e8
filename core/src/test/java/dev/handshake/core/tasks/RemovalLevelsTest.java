package dev.handshake.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import dev.handshake.core.usage.FieldUsage;
import dev.handshake.core.usage.FieldVerdict;
import dev.handshake.core.usage.UsageMap;
import dev.handshake.core.usage.UsageMapBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Safe to remove" asks the subject's level and registered history, as handshake check --schemas-dir would. */
class RemovalLevelsTest {
  private static final String USER = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"ex\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"note\",\"type\":\"string\"}]}";

  @TempDir
  Path schemas;

  private FieldUsage note(String level) throws Exception {
    Files.createDirectories(schemas.resolve("history/ex.User"));
    Files.writeString(schemas.resolve("history/ex.User/v1.avsc"), USER);
    Files.writeString(schemas.resolve("compatibility.properties"), "default=BACKWARD\nex.User=" + level + "\n");
    Path file = Files.writeString(schemas.resolve("User.avsc"), USER);
    List<SchemaFile> current = List.of(new SchemaLoader().load(file, List.of()));
    UsageMap map = UsageMapBuilder.build(current, List.of(), Map.of());
    UsageMap judged = RemovalLevels.of(schemas).orElseThrow().apply(map, current);
    return judged.field("ex.User", "$.note").orElseThrow();
  }

  @Test
  void underFullTheRemovalOfAFieldWithoutADefaultIsRefusedWithWhatWouldAllowIt() throws Exception {
    FieldUsage note = note("FULL");

    assertThat(note.verdict()).isEqualTo(FieldVerdict.LEVEL_FORBIDS_REMOVAL);
    assertThat(note.advice()).isEqualTo("no consumer reads it, but the subject's compatibility level forbids "
        + "removing it: removing it fails FULL against the registered history (FIELD_REMOVED_WITHOUT_DEFAULT); "
        + "register a version that gives note a default first, then remove it in the next, or change the "
        + "subject's level to BACKWARD (handshake set-compatibility, and compatibility.properties for offline "
        + "checks)");
  }

  @Test
  void underBackwardTheRemovalStaysSafe() throws Exception {
    FieldUsage note = note("BACKWARD");

    assertThat(note.verdict()).isEqualTo(FieldVerdict.SAFE_TO_REMOVE);
    assertThat(note.removalRefused()).isEmpty();
  }

  @Test
  void withoutAHistoryThereIsNoLevelToAsk() {
    assertThat(RemovalLevels.of(schemas)).isEmpty();
  }
}
