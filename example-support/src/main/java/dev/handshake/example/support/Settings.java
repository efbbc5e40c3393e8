package dev.handshake.example.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A service's settings, read from an environment map: {@code System.getenv()} in production, a plain map in
 * tests, so a test never has to touch the real environment. A blank value counts as unset. Every wrong value
 * fails with an {@link InvalidSettingException} naming the variable.
 */
public final class Settings {
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
