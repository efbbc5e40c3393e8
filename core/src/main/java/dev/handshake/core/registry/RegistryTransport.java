package dev.handshake.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Sends a registry call on {@code java.net.http} and returns the JSON answer. Only connection failures and 5xx
 * answers are retried (with exponential backoff, moving on to the next URL): a 4xx answer is the registry's
 * final word, and a read timeout may hide a request that was applied. Failed answers become typed exceptions
 * through {@link RegistryErrors}.
 */
final class RegistryTransport {
  private static final String ACCEPT = RestSchemaRegistry.CONTENT_TYPE + ", application/vnd.schemaregistry+json; "
      + "q=0.9, application/json; q=0.5";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClientConfig config;
  private final RegistryErrors errors;
  private final HttpClient http;

  RegistryTransport(RegistryClientConfig config, String registry) {
    this.config = config;
    this.errors = new RegistryErrors(registry, config.credentials());
    // HTTP/1.1: registries rarely speak h2c, and the upgrade dance costs a round trip on every new connection.
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    if (config.tls() != null) {
      builder.sslContext(config.tls().context());
    }
    this.http = builder.build();
  }

  JsonNode send(RegistryCall call) {
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
            throw errors.notARegistry(call, url, status, "with a body that is not JSON: "
                + RegistryErrors.abbreviate(response.body()));
          }
          return body;
        }
        if (status == 501 || (status < 500 && body == null && status != 401 && status != 403 && status != 409)) {
          // Not Implemented, or a 4xx page that is not the registry's JSON: another server answers at this URL,
          // and asking it again will not change that.
          throw errors.notARegistry(call, url, status, body == null ? "with a body that is not JSON: "
              + RegistryErrors.abbreviate(response.body()) : "(Not Implemented)");
        }
        RuntimeException error = errors.error(call, url, status, body, response.body());
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
        if (isTls(e)) {
          throw tlsFailure(url, base, e);
        }
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

  private HttpRequest request(RegistryCall call, String url) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
        .timeout(config.readTimeout())
        .header("Accept", ACCEPT);
    config.credentials().authorizationHeader().ifPresent(value -> builder.header("Authorization", value));
    if (call.body != null) {
      builder.header("Content-Type", RestSchemaRegistry.CONTENT_TYPE);
      builder.method(call.method, HttpRequest.BodyPublishers.ofString(call.body.toString(), StandardCharsets.UTF_8));
    } else {
      builder.method(call.method, HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
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

  /**
   * Says which setting fixes a failed handshake: the truststore for a certificate no trusted CA signed, the host
   * name check for a certificate that names another host, the keystore when the registry wanted ours.
   */
  private RegistryTlsException tlsFailure(String url, URI base, IOException e) {
    String trustOption = config.tls() == null ? "the JVM's truststore (-Djavax.net.ssl.trustStore)"
        : config.tls().trustOption();
    String detail = causes(e);
    String fix;
    if (detail.contains("No subject alternative") || detail.contains("No name matching")) {
      fix = "its certificate does not name the host " + base.getHost() + ". Use the host name the certificate "
          + "names in the URL, or (for a test registry only) turn the check off"
          + (config.tls() == null ? "" : " with " + config.tls().hostnameOption() + "= (empty)");
    } else if (detail.contains("PKIX") || detail.contains("certification path")) {
      fix = "its certificate is not signed by a CA this client trusts. Set " + trustOption
          + " to a truststore holding the registry's CA";
    } else {
      fix = "check the registry's TLS settings (a registry that asks for a client certificate needs a keystore)";
    }
    return new RegistryTlsException(url, "the TLS handshake with the schema registry at " + base + " failed: "
        + fix + " (" + detail + ")");
  }

  private static boolean isTls(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = e; cause != null && text.length() < 1000; cause = cause.getCause()) {
      if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
        text.append(text.length() == 0 ? "" : ": ").append(cause.getMessage());
      }
    }
    return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
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

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
