package dev.handshake.core.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.compat.CompatibilityReportJson;

/**
 * A subject check's result as one JSON document ({@code handshake check --format json}): the compatibility
 * report's fields, then the subject, where its history came from, the registry's own verdict and the summary.
 */
public final class SubjectCheckJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SubjectCheckJson() {
  }

  /** The document, pretty-printed, without a trailing newline. */
  public static String write(SubjectCheckResult result) {
    try {
      return JSON.writeValueAsString(toJson(result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings, numbers and booleans did not serialize", e);
    }
  }

  static ObjectNode toJson(SubjectCheckResult result) {
    ObjectNode json = CompatibilityReportJson.toJson(result.report());
    json.put("subject", result.subject());
    json.put("registry", result.registry());
    json.put("levelSource", result.levelSource());
    json.put("newSubject", result.newSubject());
    var versions = json.putArray("versions");
    result.versions().forEach(versions::add);
    result.verdict().ifPresent(verdict -> {
      ObjectNode registryVerdict = json.putObject("registryVerdict");
      registryVerdict.put("compatible", verdict.compatible());
      registryVerdict.put("level", verdict.level().name());
      registryVerdict.put("levelSource", verdict.levelSource());
      verdict.askedVersions().forEach(registryVerdict.putArray("askedVersions")::add);
      verdict.messages().forEach(registryVerdict.putArray("messages")::add);
      json.put("agrees", !result.disagrees());
    });
    json.put("compatible", result.compatible());
    json.put("summary", result.summary());
    return json;
  }
}
