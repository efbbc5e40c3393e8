package dev.handshake.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.contract.ReadContracts;
import dev.handshake.core.gate.GateReport;
import dev.handshake.core.gate.WriterSchemas;
import dev.handshake.core.report.Finding;
import dev.handshake.core.source.Location;
import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.rules.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldUsageReportTest {
  private static final String FILE = "schemas/User.avsc";

  private final UsageMap map = new UsageMap(List.of("auth", "billing"), List.of(
      new FieldUsage("ex.User", FILE, "/fields/0", "$.email", "string", true, Optional.empty(), List.of(
          new ConsumerUse("auth", FieldUse.ASSERTS, Optional.empty()),
          new ConsumerUse("billing", FieldUse.DECODES, Optional.empty()))),
      new FieldUsage("ex.User", FILE, "/fields/1", "$.roles[*].name", "string", true, Optional.empty(), List.of(
          new ConsumerUse("auth", FieldUse.DECODES, Optional.of("\"user\"")))),
      new FieldUsage("ex.User", FILE, "/fields/2", "$.nickname", "string", true, Optional.empty(), List.of()),
      new FieldUsage("ex.User", "schemas/history/ex.User/v2.avsc", "/fields/3", "$.version", "int", false,
          Optional.of("schemas/history/ex.User/v2.avsc"), List.of())),
      List.of());
  private final FieldUsageReport report = new FieldUsageReport(map);

  @Test
  void aFindingAboutAFieldNamesEveryConsumerThatReadsIt() {
    Finding schemaFinding = finding(ValuePath.schema("User", List.of(ValuePath.Step.field("email"))), "billing");
    Finding contractFinding = finding(ValuePath.ofPactPath("$.roles[0].name"), "auth");
    Finding unrelated = finding(ValuePath.ofPactPath("$.other"), "auth");

    GateReport annotated = report.annotate(new GateReport(1, 0, List.of(new GateReport.Check("billing",
        "contracts/billing.json", "a user", List.of(schemaFinding, contractFinding, unrelated)))));

    List<Finding> findings = annotated.findings();
    assertEquals("Field changed. Consumers that read $.email: auth (asserts), billing (decodes).",
        findings.get(0).message());
    assertEquals("auth (asserts), billing (decodes)", findings.get(0).details().get("readBy"));
    assertEquals("Field changed. Consumers that read $.roles[*].name: auth (decodes, default \"user\").",
        findings.get(1).message());
    assertEquals(unrelated, findings.get(2));
  }

  @Test
  void aRemovedFieldNoConsumerReadsGetsANote() {
    assertEquals(List.of("Handshake verify: note: field $.version of ex.User was removed (it is in "
        + "schemas/history/ex.User/v2.avsc, not in the current schema) and no consumer reads it: the removal is "
        + "safe."), report.notes());
  }

  @Test
  void aReaderSchemaTheGateCannotUseIsLeftOutWithTheGatesFinding() {
    Path fixture = Path.of("src/test/resources/gate/READER_SCHEMA_INVALID");
    ReadContracts contracts = ReadContracts.read(
        List.of(new ContractSource(fixture.resolve("contract.json"), "contract.json")), "user-service");

    FieldUsageReport usage = FieldUsageReport.of(contracts, WriterSchemas.load(fixture.resolve("schemas"), fixture),
        fixture.resolve("schemas"), fixture);

    assertEquals(List.of("auth-service"), usage.readerFindings().stream()
        .map(f -> f.facts().consumer().orElseThrow()).distinct().toList());
    assertEquals(List.of(Rule.READER_SCHEMA_INVALID), usage.readerFindings().stream().map(Finding::rule).toList());
    assertEquals(List.of(), usage.map().consumers());
  }

  @Test
  void writesTheMarkdownSummaryAndTheJson(@TempDir Path directory) throws Exception {
    List<Path> files = report.write(directory);

    assertEquals(List.of(directory.resolve("usage.md"), directory.resolve("usage.json")), files);
    assertEquals("""
        ## Handshake field usage

        2 consumer(s): auth, billing. 4 field(s): 1 in use, 1 read only with default, 1 safe to remove, 1 removed unread.

        ### ex.User

        | Field | Type | Read by | Verdict |
        | --- | --- | --- | --- |
        | `$.email` | string | auth (asserts), billing (decodes) | in use |
        | `$.roles[*].name` | string | auth (decodes, default "user") | read only with default |
        | `$.nickname` | string | nobody | safe to remove |
        | `$.version` | int | nobody | removed unread |

        ### What the producer may do

        - `ex.User $.roles[*].name`: %s (auth (decodes, default "user")).
        - `ex.User $.nickname`: safe to remove: no consumer reads it.
        - `ex.User $.version`: removed, and no consumer reads it: the removal is safe; last in schemas/history/ex.User/v2.avsc.
        """.formatted(FieldVerdict.READ_ONLY_WITH_DEFAULT.advice()), Files.readString(files.get(0)));
    JsonNode json = new ObjectMapper().readTree(files.get(1).toFile());
    assertEquals("[\"auth\",\"billing\"]", json.get("consumers").toString());
    JsonNode email = json.get("fields").get(0);
    assertEquals("{\"subject\":\"ex.User\",\"path\":\"$.email\",\"file\":\"schemas/User.avsc\","
        + "\"pointer\":\"/fields/0\",\"type\":\"string\",\"written\":true,\"verdict\":\"IN_USE\","
        + "\"advice\":\"" + FieldVerdict.IN_USE.advice() + "\",\"consumers\":[{\"consumer\":\"auth\","
        + "\"use\":\"ASSERTS\"},{\"consumer\":\"billing\",\"use\":\"DECODES\"}]}", email.toString());
    assertEquals("\"user\"", json.get("fields").get(1).get("consumers").get(0).get("readerDefault").asText());
    assertEquals("schemas/history/ex.User/v2.avsc", json.get("fields").get(3).get("removedFrom").asText());
  }

  private static Finding finding(ValuePath path, String consumer) {
    return Finding.of(new Violation(Rule.FIELD_REMOVED_WITHOUT_DEFAULT, "", path, "Field changed.", "Fix it.",
        Facts.NONE), new Location(FILE, 1, 1, ""), "", Facts.NONE.consumer(consumer));
  }
}
