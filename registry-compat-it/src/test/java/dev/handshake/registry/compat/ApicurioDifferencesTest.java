package dev.handshake.registry.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.CompatibilityTestResult;
import dev.handshake.core.registry.IncompatibleSchemaException;
import dev.handshake.core.registry.RegistryClientConfig;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SubjectNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where Apicurio Registry 2.4.2's ccompat API answers differently from Confluent Schema Registry: each test shows
 * Apicurio's raw answer and what the client makes of it, so users pointing Handshake at Apicurio get the same
 * typed errors, and a change in either side shows up here.
 */
class ApicurioDifferencesTest {

    @RegisterExtension
    static final SharedApicurio APICURIO = new SharedApicurio();

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String V1 = "{\"type\":\"record\",\"name\":\"Diff\",\"namespace\":\"apicurio\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String ID_BECOMES_INT = "{\"type\":\"record\",\"name\":\"Diff\",\"namespace\":\"apicurio\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RestSchemaRegistry client;
    private String subject;

    @BeforeEach
    void setUp() {
        client = new RestSchemaRegistry(RegistryClientConfig.of(APICURIO.baseUrl()));
        subject = "apicurio-diff-" + UUID.randomUUID();
    }

    @Test
    void anIncompatibleSchemaIs409WithErrorCodeZeroAndStillIncompatibleToTheClient() throws Exception {
        client.register(subject, RegistrySchema.of(V1));
        client.setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);

        Answer raw = post("/subjects/" + subject + "/versions", ID_BECOMES_INT);
        assertThat(raw.status()).isEqualTo(409);
        assertThat(raw.body().path("error_code").asInt(-1)).isZero(); // Confluent: 409 with error_code 409

        assertThatThrownBy(() -> client.register(subject, RegistrySchema.of(ID_BECOMES_INT)))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isZero();
                })
                .hasMessageContaining(subject);
    }

    @Test
    void theGlobalDefaultLevelIsNone() throws Exception {
        // Confluent (and the embedded registry) default to BACKWARD. Tests that change it put it back.
        assertThat(get("/config").body().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.NONE);
    }

    @Test
    void aSubjectWithoutItsOwnLevelReportsNoneWhileTheGlobalLevelIsEnforced() throws Exception {
        client.register(subject, RegistrySchema.of(V1));
        client.setGlobalCompatibility(CompatibilityLevel.BACKWARD);
        try {
            // Confluent answers 40408 (or falls back to the global level); Apicurio says NONE...
            Answer raw = get("/config/" + subject);
            assertThat(raw.status()).isEqualTo(200);
            assertThat(raw.body().path("compatibilityLevel").asText()).isEqualTo("NONE");
            assertThat(client.subjectCompatibility(subject)).contains(CompatibilityLevel.NONE);
            // ...yet applies the global BACKWARD on register. So against Apicurio, give `check` the level
            // (--level / compatibilityLevels) or set each subject's level explicitly.
            assertThatThrownBy(() -> client.register(subject, RegistrySchema.of(ID_BECOMES_INT)))
                    .isInstanceOf(IncompatibleSchemaException.class);
        } finally {
            client.setGlobalCompatibility(CompatibilityLevel.NONE);
        }
    }

    @Test
    void setLevelAcceptsOnlyTheCompatibilityKeyWhichIsWhatTheClientSends() throws Exception {
        client.register(subject, RegistrySchema.of(V1));

        Answer otherKey = send("PUT", "/config/" + subject, "{\"compatibilityLevel\":\"FULL\"}");
        assertThat(otherKey.status()).isEqualTo(500); // Confluent accepts either key

        client.setSubjectCompatibility(subject, CompatibilityLevel.FULL);
        assertThat(client.subjectCompatibility(subject)).contains(CompatibilityLevel.FULL);
    }

    @Test
    void latestOfAnUnknownSubjectIs40402AndTheClientSaysSubjectNotFound() throws Exception {
        Answer raw = get("/subjects/" + subject + "/versions/latest");
        assertThat(raw.status()).isEqualTo(404);
        assertThat(raw.body().path("error_code").asInt()).isEqualTo(40402); // Confluent: 40401

        assertThatThrownBy(() -> client.latest(subject))
                .isInstanceOf(SubjectNotFoundException.class)
                .hasMessageContaining(subject);
    }

    @Test
    void lookingUpAnUnregisteredSchemaIs40401AndTheClientFindsNothing() throws Exception {
        client.register(subject, RegistrySchema.of(V1));

        Answer raw = post("/subjects/" + subject, ID_BECOMES_INT);
        assertThat(raw.status()).isEqualTo(404);
        assertThat(raw.body().path("error_code").asInt()).isEqualTo(40401); // Confluent: 40403

        assertThat(client.lookup(subject, RegistrySchema.of(ID_BECOMES_INT))).isEmpty();
        assertThat(client.lookup(subject, RegistrySchema.of(V1))).isPresent();
    }

    @Test
    void verboseCompatibilityGivesAReasonStringWhichTheClientKeeps() throws Exception {
        client.register(subject, RegistrySchema.of(V1));
        client.setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);

        Answer raw = send("POST", "/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                schemaBody(ID_BECOMES_INT));
        assertThat(raw.body().path("is_compatible").asBoolean(true)).isFalse();
        assertThat(raw.body().has("messages")).isFalse(); // Confluent: "messages": [...]
        assertThat(raw.body().path("reason").asText()).contains("/fields/0/type");

        CompatibilityTestResult result = client.testCompatibility(subject, "latest",
                RegistrySchema.of(ID_BECOMES_INT));
        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).singleElement().asString().contains("/fields/0/type");
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private Answer post(String path, String schema) throws IOException, InterruptedException {
        return send("POST", path, schemaBody(schema));
    }

    private String schemaBody(String schema) {
        return json.createObjectNode().put("schema", schema).toString();
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APICURIO.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", CONTENT_TYPE);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }
}
