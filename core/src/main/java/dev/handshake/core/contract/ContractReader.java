package dev.handshake.core.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.source.Location;
import dev.handshake.core.source.SourcePositions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Pact V4 message contract (as pact-jvm 4.6 writes it) with Jackson, keeping source positions.
 * Anything that is not a well-formed contract is a {@link ContractInvalidException} naming the file, line
 * and column, and what to change.
 */
public final class ContractReader {
  static final String MESSAGE_TYPE = "Asynchronous/Messages";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public MessageContract read(Path file, String displayPath) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ContractInvalidException(Location.ofFile(displayPath), "cannot read the contract file: "
          + e.getMessage() + ".", e);
    }
    return parse(displayPath, text);
  }

  public MessageContract parse(String displayPath, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ContractInvalidException(Location.ofJsonError(displayPath, e), "malformed JSON: " + e.getOriginalMessage()
          + ". A contract is the Pact V4 JSON file pact-jvm writes; fix the syntax here or regenerate it by "
          + "running the consumer's contract tests.", e);
    } catch (IOException e) {
      throw new ContractInvalidException(Location.ofFile(displayPath), "cannot read the contract: "
          + e.getMessage(), e);
    }
    Parse parse = new Parse(displayPath, text);
    if (root == null || !root.isObject()) {
      throw parse.invalid("", "the contract is not a JSON object. Expected a Pact V4 file with \"consumer\", "
          + "\"provider\" and \"interactions\".");
    }
    String consumer = parse.name(root, "consumer");
    String provider = parse.name(root, "provider");
    JsonNode interactions = root.get("interactions");
    if (interactions == null || !interactions.isArray()) {
      throw parse.invalid(interactions == null ? "" : "/interactions", "\"interactions\" is "
          + (interactions == null ? "missing" : "not an array")
          + "; a Pact V4 contract lists its messages in an \"interactions\" array.");
    }
    List<MessageInteraction> messages = new ArrayList<>();
    for (int i = 0; i < interactions.size(); i++) {
      JsonNode interaction = interactions.get(i);
      String pointer = "/interactions/" + i;
      if (!interaction.isObject()) {
        throw parse.invalid(pointer, "interaction " + i + " is not a JSON object.");
      }
      JsonNode type = interaction.get("type");
      if (type != null && !MESSAGE_TYPE.equals(type.asText())) {
        continue; // HTTP interactions in the same file are pact-jvm's to verify, not the message gate's
      }
      messages.add(parse.interaction(interaction, i, pointer));
    }
    return new MessageContract(displayPath, consumer, provider, messages, text);
  }

  private static final class Parse {
    private final String displayPath;
    private final String text;

    Parse(String displayPath, String text) {
      this.displayPath = displayPath;
      this.text = text;
    }

    ContractInvalidException invalid(String pointer, String message) {
      int[] at;
      try {
        at = SourcePositions.of(text).nearest(pointer);
      } catch (IOException e) {
        at = new int[] {1, 1};
      }
      return new ContractInvalidException(new Location(displayPath, at[0], at[1], pointer), message, null);
    }

    String name(JsonNode root, String party) {
      JsonNode node = root.get(party);
      JsonNode name = node == null ? null : node.get("name");
      if (name == null || !name.isTextual() || name.textValue().isBlank()) {
        throw invalid(node == null ? "" : "/" + party, "\"" + party + ".name\" is missing or empty; a Pact "
            + "contract names both parties, e.g. \"" + party + "\": {\"name\": \""
            + (party.equals("consumer") ? "auth-service" : "user-service") + "\"}.");
      }
      return name.textValue();
    }

    MessageInteraction interaction(JsonNode interaction, int index, String pointer) {
      JsonNode description = interaction.get("description");
      if (description == null || !description.isTextual() || description.textValue().isBlank()) {
        throw invalid(pointer, "interaction " + index + " has no \"description\"; the producer's factory is "
            + "found by it (@PactVerifyProvider(\"<description>\")).");
      }
      List<String> states = new ArrayList<>();
      JsonNode providerStates = interaction.get("providerStates");
      if (providerStates != null && providerStates.isArray()) {
        for (JsonNode state : providerStates) {
          if (state.hasNonNull("name")) {
            states.add(state.get("name").asText());
          }
        }
      }
      JsonNode body = body(interaction, pointer);
      MatchingRulesReader.Categories rules = new MatchingRulesReader(this::invalid).read(interaction, pointer);
      Map<String, String> metadata = new LinkedHashMap<>();
      JsonNode meta = interaction.get("metadata");
      if (meta == null && interaction.path("contents").has("metadata")) {
        meta = interaction.path("contents").get("metadata");
      }
      String metadataPointer = interaction.get("metadata") == meta ? pointer + "/metadata"
          : pointer + "/contents/metadata";
      if (meta != null) {
        if (!meta.isObject()) {
          throw invalid(pointer + "/metadata", "\"metadata\" of interaction \"" + description.textValue()
              + "\" is not a JSON object.");
        }
        for (Map.Entry<String, JsonNode> entry : meta.properties()) {
          JsonNode value = entry.getValue();
          metadata.put(entry.getKey(), value.isTextual() ? value.textValue() : value.toString());
        }
      }
      RecordExpectations record = new RecordExpectations(this::invalid, description.textValue(), meta,
          metadataPointer, rules);
      boolean pending = interaction.path("pending").asBoolean(false);
      return new MessageInteraction(index, pointer, description.textValue(), states, body, rules.body(),
          record.key(), record.headers(), metadata, pending);
    }

    private JsonNode body(JsonNode interaction, String pointer) {
      JsonNode contents = interaction.get("contents");
      if (contents == null) {
        return null;
      }
      if (!contents.isObject()) {
        throw invalid(pointer, "interaction " + interaction.path("description") + " has no \"contents\" "
            + "object; a V4 message holds its body in \"contents\": {\"content\": {...}, \"contentType\": "
            + "\"application/json\"}.");
      }
      JsonNode content = contents.get("content");
      if (content == null || content.isNull()) {
        return null; // a message stated by its metadata only (key, headers): any body matches
      }
      if (content.isTextual() && content.textValue().isEmpty()) {
        return content; // Pact's empty body (not a missing one): only an empty message matches it
      }
      JsonNode encoded = contents.get("encoded");
      boolean isEncoded = encoded != null && !encoded.isNull() && !(encoded.isBoolean() && !encoded.booleanValue());
      if (content.isTextual() && (isEncoded || !isJsonObjectOrArray(content))) {
        String text = content.textValue();
        try {
          if (isEncoded && "base64".equalsIgnoreCase(encoded.asText("base64"))) {
            text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
          }
          return JSON.readTree(text);
        } catch (IllegalArgumentException | JsonProcessingException e) {
          throw invalid(pointer + "/contents/content", "the content of interaction "
              + interaction.path("description") + " is not JSON (" + e.getMessage().lines().findFirst().orElse("")
              + "). Handshake contracts hold the expected JSON view of the Avro event with content type "
              + "application/json.");
        }
      }
      return content;
    }

    private static boolean isJsonObjectOrArray(JsonNode content) {
      String text = content.textValue().strip();
      return text.startsWith("{") || text.startsWith("[");
    }

  }
}
