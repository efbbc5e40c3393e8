package dev.handshake.core.gate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole record an event factory may return, for contracts that state a topic, key or headers: the topic it is
 * sent to (null: none stated, the factory matches an interaction on any topic), the key (a String,
 * Long, Integer, Short, Double, Float or UUID written as Kafka's serializer for that type writes it, an Avro
 * record written in the wire format, or the bytes the producer's key serializer wrote), the value (the Avro
 * event, or its wire-format bytes) and the headers in order. A factory may return Kafka's own
 * {@code ProducerRecord} instead, when kafka-clients is on the producer's test class path.
 */
public record ProducedRecord(String topic, Object key, Object value, List<Header> headers) {

  /** One header: its name and the bytes it carries. */
  public record Header(String name, byte[] value) {
    public Header {
      Objects.requireNonNull(name, "a header has a name");
    }
  }

  public ProducedRecord {
    Objects.requireNonNull(value, "the record's value (the event) is required");
    headers = List.copyOf(headers);
  }

  /** A record that names no topic. */
  public ProducedRecord(Object key, Object value, List<Header> headers) {
    this(null, key, value, headers);
  }

  public static ProducedRecord of(Object key, Object value) {
    return new ProducedRecord(key, value, List.of());
  }

  /** This record, sent to {@code topic}: the gate matches it to interactions on that topic only. */
  public ProducedRecord onTopic(String topic) {
    return new ProducedRecord(topic, key, value, headers);
  }

  /** This record with one more header, its value the UTF-8 bytes of {@code value}. */
  public ProducedRecord withHeader(String name, String value) {
    return withHeader(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  public ProducedRecord withHeader(String name, byte[] value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new ProducedRecord(topic, key, this.value, more);
  }
}
