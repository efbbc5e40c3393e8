package dev.handshake.example.support;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service's settings, read from an environment map: {@code System.getenv()} in production, a plain map in
 * tests, so a test never has to touch the real environment. A blank value counts as unset. Every wrong value
 * fails with an {@link InvalidSettingException} naming the variable.
 */
public final class Settings {
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private final Map<String, String> env;

  private Settings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static Settings of(Map<String, String> env) {
    return new Settings(env);
  }

  /** The variable's value, or empty when it is unset or blank. */
  public Optional<String> optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String text(String name, String defaultValue) {
    return optional(name).orElse(defaultValue);
  }

  public String required(String name, String whatToSet) {
    return optional(name).orElseThrow(() -> new InvalidSettingException(name, name + " is not set: " + whatToSet));
  }

  /** A TCP port, 0 to 65535; 0 lets the system pick a free one. */
  public int port(String name, int defaultValue) {
    long port = number(name, defaultValue, "a port number from 0 to 65535 (0 picks a free port)");
    if (port < 0 || port > 65535) {
      throw invalid(name, "a port number from 0 to 65535 (0 picks a free port)");
    }
    return (int) port;
  }

  /**
   * A host name or IP address of this machine to listen on: an IPv4 address with four parts of 0 to 255, an IPv6
   * address, or a name that resolves.
   */
  public String host(String name, String defaultValue) {
    String host = text(name, defaultValue);
    String expected = "an IP address or host name of this machine, e.g. 127.0.0.1 (loopback only) or 0.0.0.0 (all)";
    boolean numeric = host.matches("[0-9.]+");
    if (numeric && !IPV4.matcher(host).matches()) {
      throw invalid(name, expected);
    }
    if (!numeric && !host.matches("[A-Za-z0-9.:%-]+")) {
      throw invalid(name, expected);
    }
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException | SecurityException e) {
      throw invalid(name, expected);
    }
    return host;
  }

  /**
   * Kafka's {@code bootstrap.servers}: one or more {@code host:port} separated by commas, checked here so that a
   * typo fails at start naming the variable instead of after the client's own timeouts.
   */
  public Optional<String> hostPorts(String name) {
    Optional<String> value = optional(name);
    value.ifPresent(servers -> {
      for (String server : servers.split(",", -1)) {
        String entry = server.trim();
        int colon = entry.lastIndexOf(':');
        boolean valid = colon > 0 && entry.substring(0, colon).matches("[A-Za-z0-9.\\[\\]:_-]+")
            && entry.substring(colon + 1).matches("[0-9]{1,5}")
            && Integer.parseInt(entry.substring(colon + 1)) >= 1 && Integer.parseInt(entry.substring(colon + 1)) <= 65535;
        if (!valid) {
          throw new InvalidSettingException(name, name + "=" + env.get(name) + " is not valid: \"" + entry
              + "\" is not host:port; set it to the brokers as host:port[,host:port...], e.g. 127.0.0.1:9092");
        }
      }
    });
    return value;
  }

  /** An http or https URL with a host, e.g. {@code http://127.0.0.1:8081}. */
  public Optional<URI> httpUrl(String name, String example) {
    return optional(name).map(value -> {
      try {
        URI uri = new URI(value);
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
          return uri;
        }
      } catch (URISyntaxException e) {
        // answered below
      }
      throw invalid(name, "an http(s) URL, e.g. " + example);
    });
  }

  /** A whole number of at least {@code min}. */
  public long atLeast(String name, long defaultValue, long min) {
    long value = number(name, defaultValue, "a whole number of at least " + min);
    if (value < min) {
      throw invalid(name, "a whole number of at least " + min);
    }
    return value;
  }

  /** A duration given in milliseconds (the variable's name should say so, e.g. {@code RELAY_POLL_MS}). */
  public Duration millis(String name, Duration defaultValue) {
    return Duration.ofMillis(atLeast(name, defaultValue.toMillis(), 0));
  }

  public Optional<Path> path(String name) {
    return optional(name).map(value -> {
      try {
        return Path.of(value);
      } catch (RuntimeException e) {
        throw invalid(name, "a directory path");
      }
    });
  }

  private long number(String name, long defaultValue, String expected) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.get());
    } catch (NumberFormatException e) {
      throw invalid(name, expected);
    }
  }

  private InvalidSettingException invalid(String name, String expected) {
    return new InvalidSettingException(name, name + "=" + env.get(name) + " is not valid: set it to " + expected);
  }
}
