package dev.handshake.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.SchemaReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema references of one offline history version: {@code history/<subject>/vN.references.json} beside
 * {@code vN.avsc}, the array a registry returns as a version's {@code references}:
 * {@code [{"name": "dev.example.Address", "subject": "dev.example.Address", "version": 1}]}. No file: no
 * references.
 */
final class ReferenceFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceFiles() {
  }

  static Path of(Path versionFile) {
    String name = versionFile.getFileName().toString();
    return versionFile.resolveSibling(name.substring(0, name.length() - ".avsc".length()) + ".references.json");
  }

  static List<SchemaReference> read(Path versionFile) {
    Path file = of(versionFile);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw invalid(file, "it is not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new HandshakeIOException("cannot read " + file, e);
    }
    if (root == null || !root.isArray()) {
      throw invalid(file, "it is not a JSON array");
    }
    List<SchemaReference> references = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(i);
      JsonNode name = entry.get("name");
      JsonNode subject = entry.get("subject");
      JsonNode version = entry.get("version");
      if (name == null || !name.isTextual() || subject == null || !subject.isTextual() || version == null
          || !version.canConvertToInt() || version.asInt() < 1) {
        throw invalid(file, "entry " + i + " needs \"name\" and \"subject\" (strings) and \"version\" (a number "
            + "from 1), got " + entry);
      }
      references.add(new SchemaReference(name.asText(), subject.asText(), version.asInt()));
    }
    return references;
  }

  /** Writes the references beside {@code versionFile}; none: no file (and a stale one is removed). */
  static void write(Path versionFile, List<SchemaReference> references) {
    Path file = of(versionFile);
    try {
      if (references.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      ArrayNode array = JSON.createArrayNode();
      for (SchemaReference reference : references) {
        array.addObject().put("name", reference.name()).put("subject", reference.subject())
            .put("version", reference.version());
      }
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HandshakeIOException("cannot write " + file, e);
    }
  }

  private static InvalidInputException invalid(Path file, String why) {
    return new InvalidInputException("schema references file " + file + " is invalid: " + why + ". Write the "
        + "version's references as the registry lists them: [{\"name\": \"dev.example.Address\", \"subject\": "
        + "\"dev.example.Address\", \"version\": 1}]");
  }
}
