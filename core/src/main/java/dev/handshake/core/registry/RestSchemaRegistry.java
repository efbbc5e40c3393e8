package dev.handshake.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.compat.CompatibilityLevel;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Confluent Schema Registry REST API on {@code java.net.http}, working with Confluent, Apicurio's
 * {@code /apis/ccompat/v7}, Karapace, Redpanda and {@code handshake registry serve}.
 *
 * <p>This class is the endpoints and their JSON; {@link RegistryTransport} sends (and retries) the calls, and
 * {@link RegistryErrors} turns every refusal into a typed exception.
 */
public final class RestSchemaRegistry implements SchemaRegistry {
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final RegistryClientConfig config;
  private final RegistryTransport transport;

  public RestSchemaRegistry(RegistryClientConfig config) {
    this.config = config;
    this.transport = new RegistryTransport(config, describe());
  }

  public static RestSchemaRegistry of(String url) {
    return new RestSchemaRegistry(RegistryClientConfig.of(url));
  }

  public RegistryClientConfig config() {
    return config;
  }

  @Override
  public String describe() {
    return config.urls().stream().map(URI::toString).collect(Collectors.joining(","));
  }

  @Override
  public List<String> subjects() {
    JsonNode body = transport.send(RegistryCall.get("/subjects"));
    List<String> subjects = new ArrayList<>();
    body.forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  @Override
  public List<Integer> versions(String subject) {
    JsonNode body = transport.send(RegistryCall.get("/subjects/" + segment(subject) + "/versions").subject(subject));
    List<Integer> versions = new ArrayList<>();
    body.forEach(node -> versions.add(node.asInt()));
    versions.sort(null);
    return versions;
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return fetchVersion(subject, Integer.toString(version));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return fetchVersion(subject, "latest");
  }

  private RegisteredSchema fetchVersion(String subject, String version) {
    JsonNode body = transport.send(RegistryCall.get("/subjects/" + segment(subject) + "/versions/" + version)
        .subject(subject).version(version));
    return registered(body, subject);
  }

  @Override
  public RegistrySchema schemaById(int id) {
    JsonNode body = transport.send(RegistryCall.get("/schemas/ids/" + id).id(id));
    return new RegistrySchema(body.path("schema").asText(), references(body));
  }

  @Override
  public int register(String subject, RegistrySchema schema) {
    JsonNode body = transport.send(RegistryCall.post("/subjects/" + segment(subject) + "/versions", schemaBody(schema))
        .subject(subject));
    if (!body.path("id").canConvertToInt()) {
      throw new RegistryServerException(describe(), 200, 0, "the registry at " + describe()
          + " accepted the schema for subject \"" + subject + "\" but answered without an id: " + body);
    }
    return body.path("id").asInt();
  }

  @Override
  public Optional<RegisteredSchema> lookup(String subject, RegistrySchema schema) {
    try {
      JsonNode body = transport.send(RegistryCall.post("/subjects/" + segment(subject), schemaBody(schema))
          .subject(subject));
      return Optional.of(registered(body, subject));
    } catch (SubjectNotFoundException | SchemaNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public CompatibilityTestResult testCompatibility(String subject, String version, RegistrySchema schema) {
    String path = "/compatibility/subjects/" + segment(subject) + "/versions"
        + (version == null ? "" : "/" + version);
    JsonNode body = transport.send(RegistryCall.post(path, schemaBody(schema)).query("verbose=true").subject(subject)
        .version(version));
    List<String> messages = new ArrayList<>();
    JsonNode raw = body.path("messages");
    if (raw.isArray()) {
      raw.forEach(node -> messages.add(node.isTextual() ? node.asText() : node.toString()));
    } else if (raw.isTextual()) {
      messages.add(raw.asText());
    } else if (body.path("reason").isTextual()) {
      // Apicurio's ccompat API gives its reasons as one "reason" string instead of Confluent's "messages".
      messages.add(body.path("reason").asText());
    }
    return new CompatibilityTestResult(body.path("is_compatible").asBoolean(false), messages);
  }

  @Override
  public CompatibilityLevel globalCompatibility() {
    return level(transport.send(RegistryCall.get("/config")), "global config");
  }

  @Override
  public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    try {
      return Optional.of(level(transport.send(RegistryCall.get("/config/" + segment(subject)).subject(subject)),
          "config of subject \"" + subject + "\""));
    } catch (SubjectNotFoundException e) {
      // 40408 (no subject-level compatibility) and 40401 both mean: the global level applies.
      return Optional.empty();
    }
  }

  @Override
  public void setGlobalCompatibility(CompatibilityLevel level) {
    transport.send(RegistryCall.put("/config", levelBody(level)));
  }

  @Override
  public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
    transport.send(RegistryCall.put("/config/" + segment(subject), levelBody(level)).subject(subject));
  }

  @Override
  public void deleteSubjectCompatibility(String subject) {
    try {
      transport.send(RegistryCall.delete("/config/" + segment(subject)).subject(subject));
    } catch (SubjectNotFoundException e) {
      // Nothing was set: the global level already applies.
    }
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    JsonNode body = transport.send(RegistryCall.delete("/subjects/" + segment(subject))
        .query(permanent ? "permanent=true" : null)
        .subject(subject));
    List<Integer> versions = new ArrayList<>();
    body.forEach(node -> versions.add(node.asInt()));
    return versions;
  }

  @Override
  public int deleteVersion(String subject, int version, boolean permanent) {
    JsonNode body = transport.send(RegistryCall.delete("/subjects/" + segment(subject) + "/versions/" + version)
        .query(permanent ? "permanent=true" : null).subject(subject).version(Integer.toString(version)));
    return body.asInt(version);
  }

  private static RegisteredSchema registered(JsonNode body, String subject) {
    return new RegisteredSchema(body.path("subject").asText(subject), body.path("version").asInt(),
        body.path("id").asInt(), body.path("schema").asText(), references(body));
  }

  private static List<SchemaReference> references(JsonNode body) {
    List<SchemaReference> references = new ArrayList<>();
    body.path("references").forEach(node -> references.add(new SchemaReference(node.path("name").asText(),
        node.path("subject").asText(), node.path("version").asInt())));
    return references;
  }

  private static ObjectNode schemaBody(RegistrySchema schema) {
    return schema.requestBody();
  }

  private static ObjectNode levelBody(CompatibilityLevel level) {
    return JsonNodeFactory.instance.objectNode().put("compatibility", level.name());
  }

  /** Confluent answers GET with {"compatibilityLevel"} and PUT with {"compatibility"}; others mix them. */
  private CompatibilityLevel level(JsonNode body, String what) {
    String text = body.path("compatibilityLevel").asText(body.path("compatibility").asText(null));
    if (text == null) {
      throw new RegistryServerException(describe(), 200, 0, "the registry at " + describe() + " answered the "
          + what + " without a compatibility level: " + body);
    }
    try {
      return CompatibilityLevel.parse(text, "the registry's " + what);
    } catch (InvalidInputException e) {
      throw new RegistryServerException(describe(), 200, 0, e.getMessage());
    }
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
