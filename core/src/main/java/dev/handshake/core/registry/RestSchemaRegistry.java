package dev.handshake.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.compat.CompatibilityLevel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Confluent Schema Registry REST API on {@code java.net.http}, working with Confluent, Apicurio's
 * {@code /apis/ccompat/v7}, Karapace, Redpanda and {@code handshake registry serve}.
 *
 * <p>Only connection failures and 5xx answers are retried (with exponential backoff, moving on to the next
 * URL): a 4xx answer is the registry's final word, and a read timeout may hide a request that was applied.
 */
public final class RestSchemaRegistry implements SchemaRegistry {
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, "
      + "application/json; q=0.5";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClientConfig config;
  private final HttpClient http;

  public RestSchemaRegistry(RegistryClientConfig config) {
    this.config = config;
    // HTTP/1.1: registries rarely speak h2c, and the upgrade dance costs a round trip on every new connection.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
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
    JsonNode body = send(Call.get("/subjects"));
    List<String> subjects = new ArrayList<>();
    body.forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  @Override
  public List<Integer> versions(String subject) {
    JsonNode body = send(Call.get("/subjects/" + segment(subject) + "/versions").subject(subject));
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
    JsonNode body = send(Call.get("/subjects/" + segment(subject) + "/versions/" + version)
        .subject(subject).version(version));
    return registered(body, subject);
  }

  @Override
  public RegistrySchema schemaById(int id) {
    JsonNode body = send(Call.get("/schemas/ids/" + id).id(id));
    return new RegistrySchema(body.path("schema").asText(), references(body));
  }

  @Override
  public int register(String subject, RegistrySchema schema) {
    JsonNode body = send(Call.post("/subjects/" + segment(subject) + "/versions", schemaBody(schema))
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
      JsonNode body = send(Call.post("/subjects/" + segment(subject), schemaBody(schema)).subject(subject));
      return Optional.of(registered(body, subject));
    } catch (SubjectNotFoundException | SchemaNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public CompatibilityTestResult testCompatibility(String subject, String version, RegistrySchema schema) {
    String path = "/compatibility/subjects/" + segment(subject) + "/versions"
        + (version == null ? "" : "/" + version);
    JsonNode body = send(Call.post(path, schemaBody(schema)).query("verbose=true").subject(subject)
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
    return level(send(Call.get("/config")), "global config");
  }

  @Override
  public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    try {
      return Optional.of(level(send(Call.get("/config/" + segment(subject)).subject(subject)),
          "config of subject \"" + subject + "\""));
    } catch (SubjectNotFoundException e) {
      // 40408 (no subject-level compatibility) and 40401 both mean: the global level applies.
      return Optional.empty();
    }
  }

  @Override
  public void setGlobalCompatibility(CompatibilityLevel level) {
    send(Call.put("/config", levelBody(level)));
  }

  @Override
  public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
    send(Call.put("/config/" + segment(subject), levelBody(level)).subject(subject));
  }

  @Override
  public void deleteSubjectCompatibility(String subject) {
    try {
      send(Call.delete("/config/" + segment(subject)).subject(subject));
    } catch (SubjectNotFoundException e) {
      // Nothing was set: the global level already applies.
    }
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    JsonNode body = send(Call.delete("/subjects/" + segment(subject)).query(permanent ? "permanent=true" : null)
        .subject(subject));
    List<Integer> versions = new ArrayList<>();
    body.forEach(node -> versions.add(node.asInt()));
    return versions;
  }

  @Override
  public int deleteVersion(String subject, int version, boolean permanent) {
    JsonNode body = send(Call.delete("/subjects/" + segment(subject) + "/versions/" + version)
        .query(permanent ? "permanent=true" : null).subject(subject).version(Integer.toString(version)));
    return body.asInt(version);
  }

  // ---- HTTP ----

  private JsonNode send(Call call) {
    int attempts = config.maxRetries() + 1;
    long backoffMillis = config.initialBackoff().toMillis();
    RegistryUnavailableException last = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      URI base = config.urls().get(attempt % config.urls().size());
      String url = base + call.path + (call.query == null ? "" : "?" + call.query);
      HttpRequest request = request(call, url);
      try {
        HttpResponse<String> response = http.send(request,
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
          if (body == null) {
            throw notARegistry(call, url, status, "with a body that is not JSON: " + abbreviate(response.body()));
          }
          return body;
        }
        if (status == 501 || (status < 500 && body == null && status != 401 && status != 403 && status != 409)) {
          // Not Implemented, or a 4xx page that is not the registry's JSON: another server answers at this URL,
          // and asking it again will not change that.
          throw notARegistry(call, url, status, body == null ? "with a body that is not JSON: "
              + abbreviate(response.body()) : "(Not Implemented)");
        }
        RuntimeException error = error(call, url, status, body, response.body());
        if (error instanceof RegistryServerException serverError) {
          last = serverError;
        } else {
          throw error;
        }
      } catch (HttpConnectTimeoutException | ConnectException e) {
        last = new RegistryUnavailableException(url, "cannot reach the schema registry at " + base + " ("
            + call.method + " " + call.path + ": " + reason(e) + ")", e);
      } catch (HttpTimeoutException e) {
        throw new RegistryUnavailableException(url, "the schema registry at " + base + " sent no answer to "
            + call.method + " " + call.path + " within " + seconds(config.readTimeout()) + "; not retried, "
            + "because the request may have been applied. Check the registry's health or raise the timeout.", e);
      } catch (IOException e) {
        throw new RegistryUnavailableException(url, "the connection to the schema registry at " + base
            + " failed during " + call.method + " " + call.path + ": " + reason(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryUnavailableException(url, "interrupted while waiting for the schema registry at "
            + base, e);
      }
      if (attempt + 1 < attempts) {
        pause(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, 5_000);
      }
    }
    if (last instanceof RegistryServerException) {
      throw last;
    }
    throw new RegistryUnavailableException(last.url(), last.getMessage() + " after " + attempts + " attempt"
        + (attempts == 1 ? "" : "s") + ". Check that the registry is running and that the URL is right.",
        last.getCause());
  }

  private HttpRequest request(Call call, String url) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
        .timeout(config.readTimeout())
        .header("Accept", ACCEPT);
    config.credentials().authorizationHeader().ifPresent(value -> builder.header("Authorization", value));
    if (call.body != null) {
      builder.header("Content-Type", CONTENT_TYPE);
      builder.method(call.method, HttpRequest.BodyPublishers.ofString(call.body.toString(), StandardCharsets.UTF_8));
    } else {
      builder.method(call.method, HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  private RuntimeException error(Call call, String url, int status, JsonNode body, String rawBody) {
    int code = body == null ? 0 : body.path("error_code").asInt(0);
    String serverMessage = body == null ? abbreviate(rawBody) : body.path("message").asText("");
    String answered = "the schema registry answered " + call.method + " " + url + " with HTTP " + status
        + (code == 0 ? "" : " (error_code " + code + ")")
        + (serverMessage.isBlank() ? "" : ": \"" + serverMessage + "\"");
    String what = call.what();
    if (status == 409) {
      return new IncompatibleSchemaException(url, status, code, "the schema for " + what
          + " is incompatible with its registered versions under the subject's compatibility level; " + answered
          + ". Run 'handshake check' for the findings with rule IDs and fixes.");
    }
    if (status == 401 || status == 403) {
      return new RegistryAuthenticationException(url, status, code, "the schema registry at " + url
          + " refused the request (HTTP " + status + (status == 401 ? ", not authenticated" : ", forbidden")
          + ") using " + config.credentials() + ". Check the user info (user:password) or bearer token.");
    }
    if (status >= 500) {
      return new RegistryServerException(url, status, code, "the schema registry had a server error ("
          + serverErrorKind(code) + ") for " + what + "; " + answered + ". Retry later or check the registry's log.");
    }
    switch (code) {
      case 40401, 40408 -> {
        return new SubjectNotFoundException(url, status, code, code == 40408
            ? what + " has no subject-level compatibility; " + answered
            : what + " was not found; " + answered + ". Check the subject name (RecordNameStrategy subjects are "
                + "the record's full name, TopicNameStrategy ones <topic>-value) or register it first.");
      }
      case 40402 -> {
        if ("latest".equals(call.version)) {
          // Apicurio answers 40402 where Confluent answers 40401: no latest version means no live versions.
          return new SubjectNotFoundException(url, status, code, what + " was not found (the subject has no live "
              + "versions); " + answered + ". Check the subject name or register it first.");
        }
        return new VersionNotFoundException(url, status, code, what + " was not found; " + answered
            + ". List the subject's versions with 'handshake download --subject S --all-versions'.");
      }
      case 40403 -> {
        return new SchemaNotFoundException(url, status, code, what + ": schema not found; " + answered + ".");
      }
      case 42201 -> {
        return new RegistryInvalidSchemaException(url, status, code, "the registry rejected the schema for "
            + what + " as invalid; " + answered + ". Validate it with 'handshake compat' and check its references.");
      }
      case 42202 -> {
        return new InvalidVersionException(url, status, code, "invalid version for " + what + "; " + answered
            + ". A version is a number from 1, or \"latest\".");
      }
      case 42203 -> {
        return new InvalidCompatibilityLevelException(url, status, code, "the registry refused the compatibility "
            + "level for " + what + "; " + answered + ".");
      }
      default -> {
        if (status == 404) {
          return notFoundWithoutCode(call, url, status, code, answered);
        }
        if (status == 422) {
          return new RegistryInvalidSchemaException(url, status, code, "the registry refused the request for "
              + what + "; " + answered + ".");
        }
        return new RegistryException(url, status, code, "the registry refused the request for " + what + "; "
            + answered + ".");
      }
    }
  }

  /** An answer no schema registry gives: the URL most likely points at another server or path. */
  private RegistryException notARegistry(Call call, String url, int status, String what) {
    return new RegistryException(url, status, 0, "the server at " + url + " answered " + call.method + " "
        + call.path + " with HTTP " + status + " " + what + ". Is " + describe() + " the registry's API root "
        + "(Confluent: http://host:8081, Apicurio: http://host:8080/apis/ccompat/v7)?");
  }

  /** Registries without Confluent's codes (or a wrong base URL) answer a bare 404; the call says what was missing. */
  private RuntimeException notFoundWithoutCode(Call call, String url, int status, int code, String answered) {
    String hint = ". Is " + describe() + " the registry's API root (Confluent: http://host:8081, "
        + "Apicurio: http://host:8080/apis/ccompat/v7)?";
    if (call.id != null) {
      return new SchemaNotFoundException(url, status, code, call.what() + ": schema not found; " + answered + hint);
    }
    if (call.version != null && !"latest".equals(call.version)) {
      return new VersionNotFoundException(url, status, code, call.what() + " was not found; " + answered + hint);
    }
    if (call.subject != null) {
      return new SubjectNotFoundException(url, status, code, call.what() + " was not found; " + answered + hint);
    }
    return new RegistryException(url, status, code, answered + hint);
  }

  private static String serverErrorKind(int code) {
    return switch (code) {
      case 50001 -> "50001: error in the backend data store";
      case 50002 -> "50002: operation timed out";
      case 50003 -> "50003: error forwarding the request to the primary";
      default -> "HTTP 5xx";
    };
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
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

  private static String reason(IOException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getCause() != null && e.getCause().getMessage() != null
          ? e.getCause().getMessage() : e.getClass().getSimpleName();
    }
    return e instanceof ConnectException && message.equals("ConnectException") ? "connection refused" : message;
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One request, with the subject, version or id it is about, for messages. */
  private static final class Call {
    final String method;
    final String path;
    final JsonNode body;
    String query;
    String subject;
    String version;
    Integer id;

    private Call(String method, String path, JsonNode body) {
      this.method = method;
      this.path = path;
      this.body = body;
    }

    static Call get(String path) {
      return new Call("GET", path, null);
    }

    static Call post(String path, JsonNode body) {
      return new Call("POST", path, body);
    }

    static Call put(String path, JsonNode body) {
      return new Call("PUT", path, body);
    }

    static Call delete(String path) {
      return new Call("DELETE", path, null);
    }

    Call query(String value) {
      this.query = value;
      return this;
    }

    Call subject(String value) {
      this.subject = value;
      return this;
    }

    Call version(String value) {
      this.version = value;
      return this;
    }

    Call id(int value) {
      this.id = value;
      return this;
    }

    String what() {
      if (id != null) {
        return "schema id " + id;
      }
      if (subject == null) {
        return "the request";
      }
      return "subject \"" + subject + "\"" + (version == null ? "" : " version " + version);
    }
  }
}
