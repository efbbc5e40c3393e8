package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RegistryConnection;
import dev.handshake.core.registry.RegistryUnavailableException;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SchemaReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** How every registry command reaches the registry: URL, credentials, timeout. */
final class RegistryClientOptions {
  static final String USER_INFO_ENV = "HANDSHAKE_REGISTRY_USER_INFO";
  static final String BEARER_ENV = "HANDSHAKE_REGISTRY_BEARER_TOKEN";

  @Option(names = "--registry", paramLabel = "URL",
      description = "Registry base URL (Confluent API), e.g. http://localhost:8081 or "
          + "http://host:8080/apis/ccompat/v7; several separated by commas are tried in turn.")
  String registry;

  @Option(names = "--user-info", paramLabel = "USER:PASSWORD",
      description = "HTTP basic credentials (Confluent's basic.auth.user.info). Prefer the environment variable "
          + USER_INFO_ENV + ": command lines show up in process lists.")
  String userInfo;

  @Option(names = "--bearer-token", paramLabel = "TOKEN",
      description = "Bearer token for the registry; or set " + BEARER_ENV + ".")
  String bearerToken;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Seconds to wait for each answer (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  boolean hasRegistry() {
    return registry != null && !registry.isBlank();
  }

  RestSchemaRegistry connect() {
    if (!hasRegistry()) {
      throw new InvalidInputException("--registry is required: give the registry URL, e.g. --registry "
          + "http://localhost:8081 (start one with 'handshake registry serve --data-dir DIR')");
    }
    String user = userInfo != null ? userInfo : System.getenv(USER_INFO_ENV);
    String token = bearerToken != null ? bearerToken : System.getenv(BEARER_ENV);
    return new RegistryConnection(List.of(registry), "--registry", user, "--user-info (or " + USER_INFO_ENV + ")",
        token, "--bearer-token (or " + BEARER_ENV + ")", timeoutSeconds, "--timeout").connect();
  }

  /** Runs a registry call, adding to an unreachable-registry error which option to fix. */
  <T> T call(Supplier<T> body) {
    try {
      return body.get();
    } catch (RegistryUnavailableException e) {
      throw new RegistryUnavailableException(e.url(), e.getMessage() + " (registry from --registry " + registry
          + ")", e);
    }
  }

  /** Parses {@code NAME=SUBJECT:VERSION} reference options. */
  static List<SchemaReference> references(List<String> specs) {
    List<SchemaReference> references = new ArrayList<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      int colon = spec.lastIndexOf(':');
      if (eq <= 0 || colon <= eq + 1 || colon == spec.length() - 1) {
        throw new InvalidInputException("--reference \"" + spec + "\" must be NAME=SUBJECT:VERSION, e.g. "
            + "dev.example.Address=dev.example.Address:1");
      }
      try {
        references.add(new SchemaReference(spec.substring(0, eq), spec.substring(eq + 1, colon),
            Integer.parseInt(spec.substring(colon + 1))));
      } catch (NumberFormatException e) {
        throw new InvalidInputException("--reference \"" + spec + "\": the version after ':' must be a number", e);
      }
    }
    return references;
  }
}
