package dev.handshake.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.SchemaReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogRecordTest {
  private static final List<SchemaReference> REFS = List.of(new SchemaReference("com.acme.Id", "ids-value", 2));

  @Test
  void everyKindReadsBackAsWritten() {
    List<LogRecord> records = List.of(
        new LogRecord.Register("users-value", 3, 7, "\"string\"", REFS, false),
        new LogRecord.Register("users-value", 4, 8, "\"int\"", List.of(), true),
        new LogRecord.Version("users-value", 5, 7, true),
        new LogRecord.Schema(9, "\"long\"", REFS),
        new LogRecord.Config("users-value", CompatibilityLevel.FULL_TRANSITIVE),
        new LogRecord.Config(null, null),
        new LogRecord.DeleteSubject("users-value", true),
        new LogRecord.DeleteVersion("users-value", 3, false),
        new LogRecord.IdFloor(42));
    for (LogRecord record : records) {
      assertThat(LogRecord.parse(record.toJson().getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
    }
  }

  @Test
  void logsWrittenBeforeTheCodecStillRead() {
    // Registrations were written without "deleted"; compaction wrote it as false, and references as given.
    assertThat(parse("{\"op\":\"register\",\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\","
        + "\"references\":[]}")).isEqualTo(new LogRecord.Register("s", 1, 1, "\"int\"", List.of(), false));
    assertThat(parse("{\"op\":\"schema\",\"id\":2,\"schema\":\"\\\"int\\\"\"}"))
        .isEqualTo(new LogRecord.Schema(2, "\"int\"", List.of()));
    assertThat(parse("{\"op\":\"config\",\"level\":\"NONE\",\"subject\":\"s\"}"))
        .isEqualTo(new LogRecord.Config("s", CompatibilityLevel.NONE));
  }

  @Test
  void aRecordThisRegistryNeverWritesIsRefusedByName() {
    assertThatThrownBy(() -> parse("{\"op\":\"drop\",\"subject\":\"s\"}"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown record").hasMessageContaining("drop");
    assertThatThrownBy(() -> parse("[1]")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a JSON object");
  }

  private static LogRecord parse(String json) {
    return LogRecord.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
