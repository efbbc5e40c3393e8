package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.SubjectNotFoundException;
import dev.handshake.registry.compat.SharedApicurio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client contract suite against Apicurio Registry 2.4.2's Confluent-compatible API. Every test of the suite
 * runs as written except three, which Apicurio cannot pass because it stores things differently from Confluent;
 * each is overridden here (this class sits in the suite's package for that) to pin what Apicurio does instead,
 * so a change in Apicurio or in the client shows up. Raw-HTTP differences are in ApicurioDifferencesTest.
 */
class ApicurioRegistryClientTest extends RegistryClientContractTest {

    @RegisterExtension
    static final SharedApicurio APICURIO = new SharedApicurio();

    @Override
    protected String registryUrl() {
        return APICURIO.baseUrl();
    }

    /**
     * Apicurio (default configuration) compares schema text byte for byte: a reformatted copy becomes a new
     * version with a new id, where Confluent and the embedded registry return the existing id.
     */
    @Override
    @Test
    void registeringTheSameSchemaAgainKeepsItsIdAndVersion() {
        String subject = subject("same");
        int first = registry.register(subject, RegistrySchema.of(V1));

        assertThat(registry.register(subject, RegistrySchema.of(V1))).isEqualTo(first);
        assertThat(registry.versions(subject)).containsExactly(1);

        int reformatted = registry.register(subject, RegistrySchema.of(V1.replace(" ", "")));
        assertThat(reformatted).isNotEqualTo(first);
        assertThat(registry.versions(subject)).containsExactly(1, 2);
    }

    /**
     * Apicurio refuses a level for a subject that has no version yet (40401; Confluent accepts it), and keeps
     * listing a soft-deleted version (it is only disabled) while no longer serving it as latest.
     */
    @Override
    @Test
    void softDeletesOneVersion() {
        String subject = subject("delete-version");
        assertThatThrownBy(() -> registry.setSubjectCompatibility(subject, CompatibilityLevel.NONE))
                .isInstanceOf(SubjectNotFoundException.class)
                .hasMessageContaining(subject);
        registry.register(subject, RegistrySchema.of(V1));
        registry.setSubjectCompatibility(subject, CompatibilityLevel.NONE);
        registry.register(subject, RegistrySchema.of(V3_REQUIRED));

        assertThat(registry.deleteVersion(subject, 2, false)).isEqualTo(2);
        assertThat(registry.versions(subject)).containsExactly(1, 2);
        assertThat(registry.latest(subject).version()).isEqualTo(1);

        assertThat(registry.deleteVersion(subject, 2, true)).isEqualTo(2);
        assertThat(registry.versions(subject)).containsExactly(1);
    }

    /**
     * Apicurio hides a soft-deleted subject from the subject list but still lists its versions; it has no
     * latest version any more, which the client reports as the subject not being found, as Confluent does.
     */
    @Override
    @Test
    void softDeletesThenPermanentlyDeletesASubject() {
        String subject = subject("delete");
        registry.register(subject, RegistrySchema.of(V1));

        assertThat(registry.deleteSubject(subject, false)).containsExactly(1);
        assertThat(registry.subjects()).doesNotContain(subject);
        assertThat(registry.versions(subject)).containsExactly(1);
        assertThatThrownBy(() -> registry.latest(subject)).isInstanceOf(SubjectNotFoundException.class);

        assertThat(registry.deleteSubject(subject, true)).containsExactly(1);
        assertThatThrownBy(() -> registry.versions(subject)).isInstanceOf(SubjectNotFoundException.class);
    }
}
