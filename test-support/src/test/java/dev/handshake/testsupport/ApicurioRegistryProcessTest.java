package dev.handshake.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioRegistryProcessTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesTheConfluentApiOnLoopbackUntilClosed() throws Exception {
        String baseUrl;
        try (ApicurioRegistryProcess apicurio = ApicurioRegistryProcess.start()) {
            baseUrl = apicurio.baseUrl();
            assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");

            HttpResponse<String> config = get(baseUrl + "/config");
            assertThat(config.statusCode()).isEqualTo(200);
            // Apicurio's global default is NONE where Confluent's (and the embedded registry's) is BACKWARD.
            assertThat(config.body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
            assertThat(get(baseUrl + "/subjects").body()).isEqualTo("[]");
        }
        assertThatThrownBy(() -> get(baseUrl + "/subjects")).isInstanceOf(ConnectException.class);
    }

    @Test
    void missingRunnerJarSaysWhichCommandBuildsIt(@TempDir Path dir) {
        Path missing = dir.resolve("quarkus-run.jar");
        assertThatThrownBy(() -> ApicurioRegistryProcess.start(missing, List.of(), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runner jar not found at " + missing)
                .hasMessageContaining("./mvnw -B -q -pl apicurio-app -am install -DskipTests");
    }

    @Test
    void locatesTheRunnerJarOfThisCheckout() {
        assertThat(ApicurioRegistryProcess.locateRunnerJar())
                .endsWith(Path.of("apicurio-app", "target", "quarkus-app", "quarkus-run.jar"))
                .isRegularFile();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
