package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.CompatibilityTestResult;
import dev.handshake.core.registry.IncompatibleSchemaException;
import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.RegistryClientConfig;
import dev.handshake.core.registry.RegistryException;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SchemaNotFoundException;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.tasks.SubjectCheck;
import dev.handshake.core.tasks.SubjectCheckResult;
import dev.handshake.core.registry.SubjectNotFoundException;
import dev.handshake.core.registry.VersionNotFoundException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's behaviour against a real registry. Subclasses say which registry ({@link #registryUrl()}):
 * the embedded one here, Apicurio's ccompat API elsewhere. Every test uses fresh subjects and sets the
 * levels it relies on, so the suite runs against a shared, long-lived registry whatever its defaults.
 */
public abstract class RegistryClientContractTest {
  protected static final String V1 = record("a", "{\"name\": \"id\", \"type\": \"string\"}");
  protected static final String V2_WITH_DEFAULT = record("a", "{\"name\": \"id\", \"type\": \"string\"}, "
      + "{\"name\": \"email\", \"type\": \"string\", \"default\": \"\"}");
  protected static final String V3_REQUIRED = record("a", "{\"name\": \"id\", \"type\": \"string\"}, "
      + "{\"name\": \"email\", \"type\": \"string\"}");

  protected RestSchemaRegistry registry;

  /** Base URL of the registry's Confluent-compatible API, e.g. {@code http://127.0.0.1:8081}. */
  protected abstract String registryUrl();

  /** The client configuration; override to add credentials. */
  protected RegistryClientConfig config() {
    return RegistryClientConfig.of(registryUrl());
  }

  @BeforeEach
  void createClient() {
    registry = new RestSchemaRegistry(config());
  }

  protected static String record(String name, String fields) {
    return "{\"type\": \"record\", \"name\": \"" + name + "\", \"namespace\": \"contract\", \"fields\": ["
        + fields + "]}";
  }

  protected static String subject(String purpose) {
    return "contract-" + purpose + "-" + UUID.randomUUID();
  }

  protected static Schema avro(String text) {
    return new Schema.Parser().parse(text);
  }

  @Test
  void registersAFirstVersionAndReadsItBackByVersionLatestAndId() {
    String subject = subject("first");
    int id = registry.register(subject, RegistrySchema.of(V1));

    assertThat(id).isPositive();
    assertThat(registry.versions(subject)).containsExactly(1);
    RegisteredSchema latest = registry.latest(subject);
    assertThat(latest.version()).isEqualTo(1);
    assertThat(latest.id()).isEqualTo(id);
    assertThat(avro(latest.schema())).isEqualTo(avro(V1));
    assertThat(avro(registry.version(subject, 1).schema())).isEqualTo(avro(V1));
    assertThat(avro(registry.schemaById(id).schema())).isEqualTo(avro(V1));
    assertThat(registry.subjects()).contains(subject);
  }

  @Test
  void registeringTheSameSchemaAgainKeepsItsIdAndVersion() {
    String subject = subject("same");
    int first = registry.register(subject, RegistrySchema.of(V1));
    int again = registry.register(subject, RegistrySchema.of(V1.replace(" ", "")));

    assertThat(again).isEqualTo(first);
    assertThat(registry.versions(subject)).containsExactly(1);
  }

  @Test
  void anIdenticalSchemaUnderAnotherSubjectSharesItsId() {
    String schema = record("shared" + UUID.randomUUID().toString().replace("-", ""),
        "{\"name\": \"id\", \"type\": \"string\"}");
    int first = registry.register(subject("shared-a"), RegistrySchema.of(schema));
    int second = registry.register(subject("shared-b"), RegistrySchema.of(schema));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void evolvesACompatibleSchemaIntoVersionTwo() {
    String subject = subject("evolve");
    registry.register(subject, RegistrySchema.of(V1));
    registry.setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);
    int id2 = registry.register(subject, RegistrySchema.of(V2_WITH_DEFAULT));

    assertThat(registry.versions(subject)).containsExactly(1, 2);
    RegisteredSchema latest = registry.latest(subject);
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.id()).isEqualTo(id2);
    assertThat(avro(registry.version(subject, 1).schema())).isEqualTo(avro(V1));
  }

  @Test
  void rejectsAnIncompatibleSchemaWithATypedExceptionNamingSubjectAndUrl() {
    String subject = subject("incompatible");
    registry.register(subject, RegistrySchema.of(V1));
    registry.setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);

    assertThatThrownBy(() -> registry.register(subject, RegistrySchema.of(V3_REQUIRED)))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining(subject)
        .hasMessageContaining(registryUrl());
    assertThat(registry.versions(subject)).containsExactly(1);
  }

  @Test
  void testsCompatibilityAgainstLatestAndAllVersions() {
    String subject = subject("test-compat");
    registry.register(subject, RegistrySchema.of(V1));
    registry.setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);

    CompatibilityTestResult good = registry.testCompatibility(subject, "latest", RegistrySchema.of(V2_WITH_DEFAULT));
    CompatibilityTestResult bad = registry.testCompatibility(subject, "latest", RegistrySchema.of(V3_REQUIRED));
    CompatibilityTestResult badAgainstAll = registry.testCompatibility(subject, null, RegistrySchema.of(V3_REQUIRED));

    assertThat(good.compatible()).isTrue();
    assertThat(bad.compatible()).isFalse();
    assertThat(badAgainstAll.compatible()).isFalse();
  }

  @Test
  void looksUpWhichVersionHoldsASchema() {
    String subject = subject("lookup");
    int id = registry.register(subject, RegistrySchema.of(V1));

    Optional<RegisteredSchema> found = registry.lookup(subject, RegistrySchema.of(V1));
    assertThat(found).isPresent();
    assertThat(found.get().version()).isEqualTo(1);
    assertThat(found.get().id()).isEqualTo(id);
    assertThat(registry.lookup(subject, RegistrySchema.of(V2_WITH_DEFAULT))).isEmpty();
    assertThat(registry.lookup(subject("lookup-none"), RegistrySchema.of(V1))).isEmpty();
  }

  @Test
  void setsReadsAndRemovesASubjectLevel() {
    String subject = subject("config");
    registry.register(subject, RegistrySchema.of(V1));

    registry.setSubjectCompatibility(subject, CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(registry.subjectCompatibility(subject)).contains(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(registry.effectiveCompatibility(subject)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

    registry.deleteSubjectCompatibility(subject);
    assertThat(registry.effectiveCompatibility(subject)).isEqualTo(registry.globalCompatibility());
  }

  @Test
  void setsTheGlobalLevelAndReadsItBack() {
    CompatibilityLevel before = registry.globalCompatibility();
    try {
      registry.setGlobalCompatibility(CompatibilityLevel.FORWARD);
      assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.FORWARD);
    } finally {
      registry.setGlobalCompatibility(before);
    }
    assertThat(registry.globalCompatibility()).isEqualTo(before);
  }

  @Test
  void unknownSubjectVersionAndIdAreTypedErrorsNamingWhatWasMissing() {
    String subject = subject("missing");
    assertThatThrownBy(() -> registry.versions(subject))
        .isInstanceOf(SubjectNotFoundException.class).hasMessageContaining(subject);
    assertThatThrownBy(() -> registry.latest(subject))
        .isInstanceOf(SubjectNotFoundException.class).hasMessageContaining(subject);

    registry.register(subject, RegistrySchema.of(V1));
    assertThatThrownBy(() -> registry.version(subject, 7))
        .isInstanceOf(VersionNotFoundException.class).hasMessageContaining(subject).hasMessageContaining("7");
    assertThatThrownBy(() -> registry.schemaById(987_654_321))
        .isInstanceOf(SchemaNotFoundException.class).hasMessageContaining("987654321");
  }

  @Test
  void anInvalidSchemaIsRefusedAsUserInput() {
    String subject = subject("invalid");
    assertThatThrownBy(() -> registry.register(subject,
        RegistrySchema.of("{\"type\": \"record\", \"name\": \"x\", \"fields\": [{\"name\": \"a\", \"type\": \"nosuchtype\"}]}")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining(subject);
  }

  @Test
  void softDeletesThenPermanentlyDeletesASubject() {
    String subject = subject("delete");
    registry.register(subject, RegistrySchema.of(V1));

    assertThat(registry.deleteSubject(subject, false)).containsExactly(1);
    assertThatThrownBy(() -> registry.versions(subject)).isInstanceOf(SubjectNotFoundException.class);
    assertThat(registry.subjects()).doesNotContain(subject);
    assertThat(registry.deleteSubject(subject, true)).containsExactly(1);
  }

  @Test
  void softDeletesOneVersion() {
    String subject = subject("delete-version");
    registry.setSubjectCompatibility(subject, CompatibilityLevel.NONE);
    registry.register(subject, RegistrySchema.of(V1));
    registry.register(subject, RegistrySchema.of(V3_REQUIRED));

    assertThat(registry.deleteVersion(subject, 2, false)).isEqualTo(2);
    assertThat(registry.versions(subject)).containsExactly(1);
    assertThat(registry.latest(subject).version()).isEqualTo(1);
  }

  @Test
  void registersASchemaThatReferencesATypeInAnotherSubject() {
    String suffix = UUID.randomUUID().toString().replace("-", "");
    String addressName = "contract.Address" + suffix;
    String address = "{\"type\": \"record\", \"name\": \"Address" + suffix + "\", \"namespace\": \"contract\", "
        + "\"fields\": [{\"name\": \"city\", \"type\": \"string\"}]}";
    String addressSubject = subject("ref-address");
    registry.register(addressSubject, RegistrySchema.of(address));
    String user = "{\"type\": \"record\", \"name\": \"User" + suffix + "\", \"namespace\": \"contract\", "
        + "\"fields\": [{\"name\": \"home\", \"type\": \"" + addressName + "\"}]}";
    List<SchemaReference> references = List.of(new SchemaReference(addressName, addressSubject, 1));
    String userSubject = subject("ref-user");

    int id = registry.register(userSubject, new RegistrySchema(user, references));

    RegisteredSchema latest = registry.latest(userSubject);
    assertThat(latest.id()).isEqualTo(id);
    assertThat(latest.references()).containsExactlyElementsOf(references);
    assertThat(registry.schemaById(id).references()).containsExactlyElementsOf(references);
    SchemaFile parsed = new SchemaLoader().parse("user", latest.schema(),
        new SubjectCheck(registry).resolveReferences(latest.references()));
    assertThat(parsed.schema().getField("home").schema().getFullName()).isEqualTo(addressName);
  }

  @Test
  void subjectCheckAppliesATransitiveLevelToEveryVersionWithRuleIds() {
    String subject = subject("transitive");
    registry.setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD_TRANSITIVE);
    registry.register(subject, RegistrySchema.of(V1));
    registry.register(subject, RegistrySchema.of(V2_WITH_DEFAULT));
    SchemaFile candidate = new SchemaLoader().parse("Candidate.avsc", V3_REQUIRED, List.of());

    SubjectCheckResult result = new SubjectCheck(registry).check(subject, candidate, null);

    // Compatible with v2 (which has "email"), not with v1: only a check against every version sees it.
    assertThat(result.compatible()).isFalse();
    assertThat(result.level()).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThat(result.report().versionsCompared()).isEqualTo(2);
    assertThat(result.report().findings()).singleElement().satisfies(finding -> {
      assertThat(finding.rule().name()).isEqualTo("FIELD_ADDED_WITHOUT_DEFAULT");
      assertThat(finding.details()).containsEntry("writer", "v1");
      assertThat(finding.location().render()).startsWith("Candidate.avsc:");
    });
    // Handshake's engine under BACKWARD alone passes it; the registry still applies BACKWARD_TRANSITIVE and
    // would refuse it, so the check fails and says the two disagree.
    SubjectCheckResult latestOnly = new SubjectCheck(registry).check(subject, candidate, CompatibilityLevel.BACKWARD);
    assertThat(latestOnly.report().compatible()).isTrue();
    assertThat(latestOnly.compatible()).isFalse();
    assertThat(latestOnly.disagrees()).isTrue();
    assertThat(latestOnly.registryVerdict().level()).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
  }

  @Test
  void subjectCheckOfANewSubjectIsCompatibleAndSaysSo() {
    String subject = subject("new");
    SchemaFile candidate = new SchemaLoader().parse("New.avsc", V1, List.of());

    SubjectCheckResult result = new SubjectCheck(registry).check(subject, candidate, null);

    assertThat(result.compatible()).isTrue();
    assertThat(result.newSubject()).isTrue();
    assertThat(result.summary()).contains("has no versions").contains(subject);
  }
}
