package dev.handshake.registry.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.registry.RegistryClientConfig;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.testsupport.EmbeddedRegistryProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test-support's EmbeddedRegistryProcess, which the benchmark relies on, with the registry on the classpath. */
class EmbeddedRegistryProcessTest {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Kept\",\"namespace\":\"it\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

    @TempDir
    Path dataDir;

    @Test
    void servesFromItsOwnJvmAndKeepsAnAcknowledgedSchemaAcrossSigkill() {
        String classpath = System.getProperty("java.class.path");
        int id;
        try (EmbeddedRegistryProcess first = EmbeddedRegistryProcess.start(classpath, dataDir, List.of("-Xmx64m"))) {
            assertThat(first.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(first.pid()).isNotEqualTo(ProcessHandle.current().pid());
            id = new RestSchemaRegistry(RegistryClientConfig.of(first.baseUrl()))
                    .register("it.Kept", RegistrySchema.of(SCHEMA));
            first.kill();
            assertThat(first.isAlive()).isFalse();
        }
        try (EmbeddedRegistryProcess second = EmbeddedRegistryProcess.start(classpath, dataDir, List.of("-Xmx64m"))) {
            RestSchemaRegistry client = new RestSchemaRegistry(RegistryClientConfig.of(second.baseUrl()));
            assertThat(client.latest("it.Kept").id()).isEqualTo(id);
            assertThat(client.schemaById(id).schema()).contains("Kept");
        }
    }
}
