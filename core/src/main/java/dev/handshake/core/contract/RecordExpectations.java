package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.handshake.core.source.SourcePositions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The key and headers an interaction's metadata says the consumer needs, with their {@code metadata} matching
 * rules. Pact has no place for a Kafka key or headers, so they are message metadata entries, which pact-jvm
 * writes, reads and verifies as it does any metadata: {@code handshake.key} (the key's JSON view),
 * {@code handshake.keyFormat} ({@link KeyFormat}), {@code handshake.keySchema} (an Avro key's reader schema)
 * and {@code handshake.header.<name>} (a header's value as UTF-8 text). A metadata rule for any other entry is
 * refused: the gate would not apply it.
 */
final class RecordExpectations {
  static final String KEY = MessageInteraction.KEY;
  static final String KEY_FORMAT = MessageInteraction.KEY_FORMAT;
  static final String KEY_SCHEMA = MessageInteraction.KEY_SCHEMA;
  static final String HEADER_PREFIX = MessageInteraction.HEADER_PREFIX;

  private final BiFunction<String, String, ContractInvalidException> invalid;
  private final String description;
  private final JsonNode metadata;
  private final String pointer;
  private final Map<String, MatchingRules.RuleGroup> rules;
  private final String rulesPointer;

  RecordExpectations(BiFunction<String, String, ContractInvalidException> invalid, String description,
                     JsonNode metadata, String pointer, MatchingRulesReader.Categories rules) {
    this.invalid = invalid;
    this.description = description;
    this.metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata;
    this.pointer = pointer;
    this.rules = rules.metadata();
    this.rulesPointer = rules.metadataPointer();
    for (String key : this.rules.keySet()) {
      if (!key.equals(KEY) && !key.startsWith(HEADER_PREFIX)) {
        throw invalid.apply(rulePointer(key), "interaction \"" + description + "\" has a metadata matching rule "
            + "for \"" + key + "\"; the gate checks only the record's key (\"" + KEY + "\") and headers (\""
            + HEADER_PREFIX + "<name>\"), so this rule would be ignored. Remove it, or state the value as a header.");
      }
      if (!this.metadata.has(key)) {
        throw invalid.apply(rulePointer(key), "interaction \"" + description + "\" has a metadata matching rule "
            + "for \"" + key + "\" but no \"" + key + "\" entry in its metadata: state the expected value too.");
      }
    }
  }

  private String entryPointer(String key) {
    return pointer + "/" + SourcePositions.escape(key);
  }

  private String rulePointer(String key) {
    return rulesPointer + "/" + SourcePositions.escape(key);
  }

  private MatchingRules rootRules(String key) {
    MatchingRules.RuleGroup group = rules.get(key);
    return group == null ? MatchingRules.NONE : new MatchingRules(Map.of("$", group));
  }

  ExpectedKey key() {
    JsonNode example = metadata.get(KEY);
    JsonNode formatNode = metadata.get(KEY_FORMAT);
    if (example == null) {
      if (formatNode != null || metadata.has(KEY_SCHEMA)) {
        throw invalid.apply(entryPointer(formatNode != null ? KEY_FORMAT : KEY_SCHEMA), "interaction \""
            + description + "\" states how to read the key but not the key it expects (\"" + KEY + "\").");
      }
      return null;
    }
    if (formatNode == null || !formatNode.isTextual()) {
      throw invalid.apply(entryPointer(KEY), "interaction \"" + description + "\" expects a key but does not say "
          + "how the consumer reads it: add \"" + KEY_FORMAT + "\" (one of " + KeyFormat.names() + ").");
    }
    KeyFormat format = KeyFormat.byContractName(formatNode.textValue()).orElseThrow(() -> invalid.apply(
        entryPointer(KEY_FORMAT), "key format \"" + formatNode.textValue() + "\" of interaction \"" + description
            + "\" is not one Handshake reads (" + KeyFormat.names() + ")."));
    Schema schema = null;
    if (format == KeyFormat.AVRO) {
      JsonNode text = metadata.get(KEY_SCHEMA);
      if (text == null || !text.isTextual()) {
        throw invalid.apply(entryPointer(KEY_FORMAT), "interaction \"" + description + "\" reads an Avro key but "
            + "states no key reader schema (\"" + KEY_SCHEMA + "\").");
      }
      try {
        schema = new Schema.Parser().parse(text.textValue());
      } catch (SchemaParseException e) {
        throw invalid.apply(entryPointer(KEY_SCHEMA), "the key schema of interaction \"" + description
            + "\" is not valid Avro: " + e.getMessage());
      }
    }
    return new ExpectedKey(format, schema, example, rootRules(KEY), entryPointer(KEY));
  }

  List<ExpectedHeader> headers() {
    List<ExpectedHeader> headers = new ArrayList<>();
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
      if (entry.getKey().startsWith(HEADER_PREFIX)) {
        byName.put(entry.getKey(), entry.getValue());
      }
    }
    for (Map.Entry<String, JsonNode> entry : byName.entrySet()) {
      String name = entry.getKey().substring(HEADER_PREFIX.length());
      if (name.isEmpty() || !entry.getValue().isTextual()) {
        throw invalid.apply(entryPointer(entry.getKey()), "\"" + entry.getKey() + "\" of interaction \""
            + description + "\" must be \"" + HEADER_PREFIX + "<header name>\" with the header's expected value "
            + "as text (Kafka header values are compared as UTF-8 text).");
      }
      headers.add(new ExpectedHeader(name, entry.getValue(), rootRules(entry.getKey()),
          entryPointer(entry.getKey())));
    }
    return headers;
  }
}
