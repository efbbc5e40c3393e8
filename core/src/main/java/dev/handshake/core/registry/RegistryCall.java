package dev.handshake.core.registry;

import com.fasterxml.jackson.databind.JsonNode;

/** One request, with the subject, version or id it is about, for messages. */
final class RegistryCall {
  final String method;
  final String path;
  final JsonNode body;
  String query;
  String subject;
  String version;
  Integer id;

  private RegistryCall(String method, String path, JsonNode body) {
    this.method = method;
    this.path = path;
    this.body = body;
  }

  static RegistryCall get(String path) {
    return new RegistryCall("GET", path, null);
  }

  static RegistryCall post(String path, JsonNode body) {
    return new RegistryCall("POST", path, body);
  }

  static RegistryCall put(String path, JsonNode body) {
    return new RegistryCall("PUT", path, body);
  }

  static RegistryCall delete(String path) {
    return new RegistryCall("DELETE", path, null);
  }

  RegistryCall query(String value) {
    this.query = value;
    return this;
  }

  RegistryCall subject(String value) {
    this.subject = value;
    return this;
  }

  RegistryCall version(String value) {
    this.version = value;
    return this;
  }

  RegistryCall id(int value) {
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
