package dev.handshake.core.registry;

import dev.handshake.core.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the registry is and how to talk to it. Several URLs are tried in turn when one cannot be reached,
 * as Confluent's client does with {@code schema.registry.url=a,b}.
 */
public record RegistryClientConfig(List<URI> urls, RegistryCredentials credentials, Duration connectTimeout,
                                   Duration readTimeout, int maxRetries, Duration initialBackoff, RegistryTls tls) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

  public RegistryClientConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one registry URL");
    }
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0");
    }
  }

  /** {@code tls} null: the JVM's default TLS settings (its CAs, host names verified). */
  public RegistryClientConfig(List<URI> urls, RegistryCredentials credentials, Duration connectTimeout,
                              Duration readTimeout, int maxRetries, Duration initialBackoff) {
    this(urls, credentials, connectTimeout, readTimeout, maxRetries, initialBackoff, null);
  }

  /**
   * Parses registry URLs as users type them (several separated by commas), naming {@code parameterName} in
   * the error when one is not an http(s) URL.
   */
  public static RegistryClientConfig of(List<String> urls, String parameterName) {
    List<URI> parsed = new ArrayList<>();
    for (String entry : urls) {
      for (String url : entry.split(",")) {
        if (!url.isBlank()) {
          parsed.add(parseUrl(url.trim(), parameterName));
        }
      }
    }
    if (parsed.isEmpty()) {
      throw new InvalidInputException(parameterName + " is empty; give the registry URL, e.g. http://localhost:8081");
    }
    return new RegistryClientConfig(parsed, RegistryCredentials.none(), DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_INITIAL_BACKOFF);
  }

  public static RegistryClientConfig of(String url) {
    return of(List.of(url), "registry URL");
  }

  public RegistryClientConfig withCredentials(RegistryCredentials newCredentials) {
    return new RegistryClientConfig(urls, newCredentials, connectTimeout, readTimeout, maxRetries, initialBackoff,
        tls);
  }

  public RegistryClientConfig withTimeouts(Duration connect, Duration read) {
    return new RegistryClientConfig(urls, credentials, connect, read, maxRetries, initialBackoff, tls);
  }

  public RegistryClientConfig withRetries(int retries, Duration backoff) {
    return new RegistryClientConfig(urls, credentials, connectTimeout, readTimeout, retries, backoff, tls);
  }

  /** Speaks TLS to {@code https} URLs with {@code newTls} (a private CA, mutual TLS) instead of the JVM's defaults. */
  public RegistryClientConfig withTls(RegistryTls newTls) {
    return new RegistryClientConfig(urls, credentials, connectTimeout, readTimeout, maxRetries, initialBackoff,
        newTls);
  }

  private static URI parseUrl(String url, String parameterName) {
    try {
      URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (uri.getUserInfo() != null) {
        throw new InvalidInputException(parameterName + ": put credentials in the user-info option, not in the "
            + "URL (the URL appears in messages and logs)");
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new InvalidInputException(parameterName + ": \"" + url + "\" is not an http(s) URL with a host; "
            + "use e.g. http://localhost:8081 or https://registry.example.com/apis/ccompat/v7");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidInputException(parameterName + ": \"" + url + "\" is not a valid URL: " + e.getReason(), e);
    }
  }
}
