package dev.handshake.core.avro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.InvalidInputException;
import org.apache.avro.Schema;

/**
 * The JSON view of an Avro value: what a consumer's contract states it expects, and what the gate compares
 * the decoded event against. Unlike Avro's own JSON encoding, unions are unwrapped and logical types take
 * their natural JSON form, so a contract reads like the data. The exact mapping is documented in
 * {@code docs/json-view.md}.
 *
 * <p>{@link #toJson} accepts both Avro's raw representation (Long for timestamp-millis, ByteBuffer for
 * decimal, Utf8 for strings) and the converted one (Instant, BigDecimal, UUID...) that generated classes
 * hold. {@link #fromJson} always returns the raw representation, which {@link org.apache.avro.generic
 * .GenericDatumWriter} writes without any conversions registered.
 */
public final class AvroJsonView {
  private AvroJsonView() {
  }

  /** The JSON view of {@code datum}, which must be valid for {@code schema}. */
  public static JsonNode toJson(Object datum, Schema schema) {
    return new AvroToJson().convert(datum, schema, "$");
  }

  /**
   * The Avro value (raw representation: GenericRecord, Long, ByteBuffer, EnumSymbol...) whose JSON view is
   * {@code json}. Throws {@link InvalidInputException} naming the JSON path and the expected type when the
   * JSON does not fit the schema.
   */
  public static Object fromJson(JsonNode json, Schema schema) {
    return JsonToAvro.convert(json, schema, "$");
  }
}
