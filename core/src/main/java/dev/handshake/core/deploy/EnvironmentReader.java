package dev.handshake.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an environment file (format in docs/can-i-deploy.md) and refuses anything it does not understand,
 * naming the file, the JSON pointer and what to write instead: a file reviewed in pull requests must never be
 * half understood.
 */
final class EnvironmentReader {
  static final int FORMAT_VERSION = 1;
  private static final Set<String> TOP_KEYS = Set.of("formatVersion", "environment", "services");
  private static final Set<String> VERSION_KEYS = Set.of("version", "contractsArtifact", "contractsPath",
      "schemasPath", "subjects");
  private final ObjectMapper mapper = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  Environment read(String file, String expectedName, String text) {
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(file + " is not valid JSON: " + e.getOriginalMessage() + " (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "). Fix it, or restore it "
          + "with git and record the change again.", e);
    }
    Where where = new Where(file);
    requireObject(root, where.at(""), "an object with formatVersion, environment and services");
    unknownKeys(root, TOP_KEYS, where.at(""));
    JsonNode format = root.get("formatVersion");
    if (format == null || !format.isInt() || format.asInt() != FORMAT_VERSION) {
      throw where.at("/formatVersion").error("formatVersion must be " + FORMAT_VERSION + ", found "
          + (format == null ? "none" : format), "this Handshake reads format " + FORMAT_VERSION
          + "; write \"formatVersion\": " + FORMAT_VERSION);
    }
    String name = text(root, "environment", where.at("/environment"));
    if (!name.equals(expectedName)) {
      throw where.at("/environment").error("environment is \"" + name + "\" but the file is named for \""
          + expectedName + "\"", "rename the file to " + name + ".json or set \"environment\": \"" + expectedName
          + "\"");
    }
    JsonNode services = root.get("services");
    requireObject(services, where.at("/services"), "an object with one entry per service name");
    List<DeployedService> deployed = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      deployed.add(service(entry.getKey(), entry.getValue(), where.at("/services/" + Where.escape(entry.getKey()))));
    }
    return new Environment(name, deployed);
  }

  private DeployedService service(String name, JsonNode node, Where where) {
    EnvironmentNames.requireName(name, "service name", where.toString());
    requireObject(node, where, "an object with \"versions\"");
    unknownKeys(node, Set.of("versions"), where);
    JsonNode versions = node.get("versions");
    Where versionsAt = where.at(where.pointer + "/versions");
    if (versions == null || !versions.isArray() || versions.isEmpty()) {
      throw versionsAt.error("\"versions\" must be a non-empty array",
          "remove the service with handshake record-undeployment, or record a version");
    }
    List<ServiceVersion> recorded = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < versions.size(); i++) {
      ServiceVersion version = version(versions.get(i), versionsAt.at(versionsAt.pointer + "/" + i));
      if (!seen.add(version.version())) {
        throw versionsAt.at(versionsAt.pointer + "/" + i + "/version").error("version " + version.version()
            + " is recorded twice", "keep one entry per version");
      }
      recorded.add(version);
    }
    return new DeployedService(name, recorded);
  }

  private ServiceVersion version(JsonNode node, Where where) {
    requireObject(node, where, "an object with \"version\" and where its contracts or schemas are");
    unknownKeys(node, VERSION_KEYS, where);
    String version = text(node, "version", where.at(where.pointer + "/version"));
    Optional<String> artifact = optionalText(node, "contractsArtifact", where);
    artifact.ifPresent(a -> ArtifactCoordinates.parse(a, where.at(where.pointer + "/contractsArtifact").toString()));
    Optional<String> contractsPath = optionalText(node, "contractsPath", where);
    if (artifact.isPresent() && contractsPath.isPresent()) {
      throw where.error("both contractsArtifact and contractsPath are set", "keep the one the contracts are in");
    }
    Optional<String> schemasPath = optionalText(node, "schemasPath", where);
    List<String> subjects = new ArrayList<>();
    JsonNode subjectsNode = node.get("subjects");
    if (subjectsNode != null) {
      Where at = where.at(where.pointer + "/subjects");
      if (!subjectsNode.isArray()) {
        throw at.error("subjects must be an array of subject names", "write e.g. [\"user-events-value\"]");
      }
      for (int i = 0; i < subjectsNode.size(); i++) {
        JsonNode subject = subjectsNode.get(i);
        if (!subject.isTextual() || subject.asText().isBlank()) {
          throw at.at(at.pointer + "/" + i).error("a subject must be a non-empty string, found " + subject,
              "write the subject's name");
        }
        subjects.add(subject.asText());
      }
    }
    return new ServiceVersion(version, artifact, contractsPath, schemasPath, subjects);
  }

  private static Optional<String> optionalText(JsonNode node, String key, Where where) {
    return node.has(key) ? Optional.of(text(node, key, where.at(where.pointer + "/" + key))) : Optional.empty();
  }

  private static String text(JsonNode node, String key, Where where) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw where.error("\"" + key + "\" must be a non-empty string, found " + (value == null ? "none" : value),
          "write it as a JSON string");
    }
    return value.asText();
  }

  private static void requireObject(JsonNode node, Where where, String what) {
    if (node == null || !node.isObject()) {
      throw where.error("expected " + what + ", found " + (node == null ? "none" : node.getNodeType()
          .toString().toLowerCase()), "see docs/can-i-deploy.md for the format");
    }
  }

  private static void unknownKeys(JsonNode node, Set<String> known, Where where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw where.at(where.pointer + "/" + Where.escape(key)).error("unknown key \"" + key + "\"",
            "use only " + known.stream().sorted().toList());
      }
    }
  }

  /** A file and a JSON pointer in it, for messages. */
  private record Where(String file, String pointer) {
    Where(String file) {
      this(file, "");
    }

    Where at(String newPointer) {
      return new Where(file, newPointer);
    }

    static String escape(String key) {
      return key.replace("~", "~0").replace("/", "~1");
    }

    InvalidInputException error(String what, String todo) {
      return new InvalidInputException(this + ": " + what + "; " + todo + ".");
    }

    @Override
    public String toString() {
      return file + " at " + (pointer.isEmpty() ? "/" : pointer);
    }
  }
}
