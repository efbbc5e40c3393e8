package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.source.SourcePositions;
import java.util.List;
import java.util.Map;

/**
 * One message the consumer expects: the description the producer's factory is found by, the expected JSON
 * view with its matching rules (a null {@code body}: the message is stated by its metadata only, and any body
 * matches), the key and headers it needs (a null {@code key}: any key), and the metadata (reader schema, topic...). {@code pointer} is the JSON
 * pointer of the interaction in its contract file. A {@code pending} interaction (Pact V4's flag for an
 * expectation the provider has not yet been asked to meet) is verified, but its findings do not fail the build.
 */
public record MessageInteraction(int index, String pointer, String description, List<String> providerStates,
                                 JsonNode body, MatchingRules bodyRules, ExpectedKey key,
                                 List<ExpectedHeader> headers, Map<String, String> metadata, boolean pending) {

  public static final String READER_SCHEMA = "handshake.readerSchema";
  public static final String READER_FINGERPRINT = "handshake.readerFingerprint";
  public static final String READER_SUBJECT = "handshake.readerSubject";
  public static final String READER_VERSION = "handshake.readerVersion";
  public static final String TOPIC = "handshake.topic";
  /** The record key's JSON view, how it is read ({@link KeyFormat}), and an Avro key's reader schema. */
  public static final String KEY = "handshake.key";
  public static final String KEY_FORMAT = "handshake.keyFormat";
  public static final String KEY_SCHEMA = "handshake.keySchema";
  /** {@code handshake.header.<name>}: a header the consumer needs, with its value as UTF-8 text. */
  public static final String HEADER_PREFIX = "handshake.header.";

  public MessageInteraction {
    providerStates = List.copyOf(providerStates);
    headers = List.copyOf(headers);
    metadata = Map.copyOf(metadata);
  }

  /** The Kafka topic the consumer reads this message from ({@link #TOPIC}), when the contract states it. */
  public java.util.Optional<String> topic() {
    String topic = metadata.get(TOPIC);
    return topic == null || topic.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(topic);
  }

  /** JSON pointer of a body value in the contract file, from its Pact path segments. */
  public String bodyPointer(List<String> segments) {
    StringBuilder pointer = new StringBuilder(pointer()).append("/contents/content");
    for (String segment : segments) {
      pointer.append('/').append(SourcePositions.escape(segment));
    }
    return pointer.toString();
  }

  public String metadataPointer(String key) {
    return pointer + "/metadata/" + SourcePositions.escape(key);
  }
}
