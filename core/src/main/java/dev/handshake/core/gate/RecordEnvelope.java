package dev.handshake.core.gate;

import java.util.List;
import org.apache.avro.Schema;

/**
 * What a factory's record carries besides the value: the topic it is sent to, the key as the producer writes it
 * ({@code keySchema} when it is an Avro record, written in the wire format) and the headers. {@code whole} is
 * false when the factory returned only the value, so nothing is known about the topic, key and headers; a whole
 * record's {@code topic} is null when it names none (a {@link ProducedRecord} without one).
 */
public record RecordEnvelope(boolean whole, String topic, byte[] key, Schema keySchema,
                             List<ProducedRecord.Header> headers) {
  public static final RecordEnvelope VALUE_ONLY = new RecordEnvelope(false, null, null, null, List.of());

  public RecordEnvelope {
    headers = List.copyOf(headers);
  }
}
