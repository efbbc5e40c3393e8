package dev.handshake.junit5;

import au.com.dius.pact.consumer.dsl.Matcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.core.contract.KeyFormat;
import dev.handshake.core.contract.MessageInteraction;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * The key and headers an {@link AvroMessageInteraction} states, as the message metadata entries core's contract
 * reader reads back ({@code handshake.key}, {@code handshake.keyFormat}, {@code handshake.keySchema},
 * {@code handshake.header.<name>}). A value may be a pact-jvm {@link Matcher} ({@code Matchers.regexp(...)}):
 * pact-jvm writes its rule under the interaction's {@code metadata} matching rules, which the gate applies.
 */
final class KeyAndHeaders {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeyFormat keyFormat;
  private Schema keySchema;
  private Object key;
  private final Map<String, Object> headers = new LinkedHashMap<>();

  void key(KeyFormat format, Schema schema, Object exampleOrMatcher) {
    this.keyFormat = format;
    this.keySchema = schema;
    this.key = exampleOrMatcher;
  }

  void header(String name, Object valueOrMatcher) {
    headers.put(name, valueOrMatcher);
  }

  /** The metadata entries, after checking each example can be what the consumer reads. */
  Map<String, Object> metadata(String description) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (keyFormat != null) {
      checkKey(description, example(description, "the key", key));
      metadata.put(MessageInteraction.KEY, key);
      metadata.put(MessageInteraction.KEY_FORMAT, keyFormat.contractName());
      if (keySchema != null) {
        metadata.put(MessageInteraction.KEY_SCHEMA, keySchema.toString());
      }
    }
    headers.forEach((name, value) -> {
      if (!(example(description, "header \"" + name + "\"", value) instanceof String)) {
        throw invalid(description, "header \"" + name + "\" has a " + example(description, name, value).getClass()
            .getSimpleName() + " example; header values are compared as UTF-8 text, so give a String");
      }
      metadata.put(MessageInteraction.HEADER_PREFIX + name, value);
    });
    return metadata;
  }

  private static Object example(String description, String what, Object value) {
    if (value instanceof Matcher matcher) {
      if (matcher.getGenerator() != null || matcher.getValue() == null) {
        throw invalid(description, what + " has a matcher without an example value; give one (e.g. "
            + "Matchers.regexp(\"[0-9]+\", \"42\")) so the contract is the same on every run");
      }
      return matcher.getValue();
    }
    if (value == null) {
      throw invalid(description, what + " is null; give the value the consumer expects");
    }
    return value;
  }

  private void checkKey(String description, Object example) {
    String problem = switch (keyFormat) {
      case STRING -> example instanceof String ? null : "a string key needs a String example";
      case LONG, INT, SHORT -> example instanceof Long || example instanceof Integer || example instanceof Short
          ? null : "a " + keyFormat.contractName() + " key needs an integer example";
      case DOUBLE, FLOAT -> example instanceof Number ? null : "a " + keyFormat.contractName() + " key needs a number";
      case UUID -> isUuid(example) ? null : "a uuid key needs a UUID string example";
      case BYTES -> isBase64(example) ? null : "a bytes key needs its bytes as a base64 String example";
      case AVRO -> avroProblem(example);
    };
    if (problem != null) {
      throw invalid(description, problem + ", got " + example);
    }
  }

  private String avroProblem(Object example) {
    try {
      JsonNode json = JSON.valueToTree(example);
      AvroJsonView.fromJson(json, keySchema);
      return null;
    } catch (IllegalArgumentException | InvalidInputException e) {
      return "the key example does not fit the key schema " + keySchema.getFullName() + ": " + e.getMessage();
    }
  }

  private static boolean isUuid(Object example) {
    try {
      return example instanceof String text && UUID.fromString(text).toString().equals(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isBase64(Object example) {
    try {
      return example instanceof String text && Base64.getDecoder().decode(text) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static InvalidInputException invalid(String description, String problem) {
    return new InvalidInputException("Interaction \"" + description + "\": " + problem + ".");
  }
}
