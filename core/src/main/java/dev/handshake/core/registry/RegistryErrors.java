package dev.handshake.core.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every answer a registry gives that is not a success, as the typed exception a caller acts on: Confluent's
 * error codes (and Apicurio's variants), a bare 404 from a registry without codes, 401/403, 409, 5xx, and
 * pages that come from some other server at the URL.
 */
final class RegistryErrors {
  private final String registry;
  private final RegistryCredentials credentials;

  /** @param registry the registry's URLs as messages name them */
  RegistryErrors(String registry, RegistryCredentials credentials) {
    this.registry = registry;
    this.credentials = credentials;
  }

  RuntimeException error(RegistryCall call, String url, int status, JsonNode body, String rawBody) {
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
          + ") using " + credentials + ". Check the user info (user:password) or bearer token.");
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
  RegistryException notARegistry(RegistryCall call, String url, int status, String what) {
    return new RegistryException(url, status, 0, "the server at " + url + " answered " + call.method + " "
        + call.path + " with HTTP " + status + " " + what + ". Is " + registry + " the registry's API root "
        + "(Confluent: http://host:8081, Apicurio: http://host:8080/apis/ccompat/v7)?");
  }

  /** Registries without Confluent's codes (or a wrong base URL) answer a bare 404; the call says what was missing. */
  private RuntimeException notFoundWithoutCode(RegistryCall call, String url, int status, int code, String answered) {
    String hint = ". Is " + registry + " the registry's API root (Confluent: http://host:8081, "
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

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }
}
