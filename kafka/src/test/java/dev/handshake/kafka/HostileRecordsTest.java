package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.handshake.core.avro.WireFormat;
import dev.handshake.kafka.HostileShapes.Position;
import dev.handshake.registry.RegistryServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The records of issue 20 that once crashed or hung the deserializer, each refused with a typed, permanent
 * exception naming the topic and schema id, within {@link #DEADLINE}. Runs in the surefire execution {@code fuzz}
 * with {@code -Xmx64m}, so a record that made the decoder allocate what it claims would fail it.
 */
class HostileRecordsTest {
  static final Duration DEADLINE = Duration.ofSeconds(2);
  static final String TOPIC = "hostile";
  static final int MEBIBYTE = 1024 * 1024;

  static Path dir;
  static RegistryServer registry;

  @BeforeAll
  static void startRegistry() throws IOException {
    dir = Files.createTempDirectory("handshake-hostile-registry-");
    registry = RegistryServer.start(RegistryServer.Options.of(dir, 0));
  }

  @AfterAll
  static void stopRegistry() throws IOException {
    registry.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void anArrayOfNullsWhoseBlocksClaimEveryByteLeftIsRefusedInsteadOfExhaustingTheHeap() {
    for (int size : List.of(10 * 1024, MEBIBYTE)) {
      byte[] frame = frame(HostileShapes.NULL_ARRAY, HostileShapes.NULL_ARRAY.blocksClaimingEveryByteLeft(
          Position.KEPT, size));
      refused(HostileShapes.NULL_ARRAY, frame, Map.of(), DecodeLimitExceededException.class, "array and map items");
    }
  }

  @Test
  void anArrayOfEmptyRecordsWhoseBlocksClaimEveryByteLeftIsRefusedInsteadOfExhaustingTheHeap() {
    for (int size : List.of(10 * 1024, MEBIBYTE)) {
      byte[] frame = frame(HostileShapes.EMPTY_RECORD_ARRAY, HostileShapes.EMPTY_RECORD_ARRAY
          .blocksClaimingEveryByteLeft(Position.KEPT, size));
      refused(HostileShapes.EMPTY_RECORD_ARRAY, frame, Map.of(), DecodeLimitExceededException.class,
          "array and map items");
    }
  }

  @Test
  void theSameArrayInAFieldTheReaderSkipsIsRefusedInsteadOfHanging() {
    for (HostileShapes shape : List.of(HostileShapes.NULL_ARRAY, HostileShapes.EMPTY_RECORD_ARRAY)) {
      byte[] frame = frame(shape, shape.blocksClaimingEveryByteLeft(Position.DROPPED, MEBIBYTE));
      refused(shape, frame, Map.of(HandshakeSerdeConfig.READER_SCHEMAS, shape.reader()),
          DecodeLimitExceededException.class, "array and map items");
    }
  }

  @Test
  void aRecursiveUnionNested2000DeepIsRefusedInsteadOfOverflowingTheStack() {
    byte[] frame = frame(HostileShapes.RECURSION, HostileShapes.RECURSION.nestedPayload(Position.KEPT, 2_000));
    assertThat(frame.length).isLessThan(2_100);
    refused(HostileShapes.RECURSION, frame, Map.of(), DecodeLimitExceededException.class, "nested more than 128");
  }

  @Test
  void nestingBeyondTheThreadsStackIsTypedEvenWhenTheDepthLimitIsRaisedPastIt() {
    byte[] frame = frame(HostileShapes.RECURSION, HostileShapes.RECURSION.nestedPayload(Position.KEPT, MEBIBYTE));
    refused(HostileShapes.RECURSION, frame, Map.of(HandshakeSerdeConfig.DECODE_MAX_DEPTH, "100000000"),
        DecodeLimitExceededException.class, "stack");
  }

  @Test
  void aRecursiveUnionNested2000DeepInASkippedFieldIsReadWithinTheDeadline() {
    HostileShapes shape = HostileShapes.RECURSION;
    byte[] frame = frame(shape, shape.nestedPayload(Position.DROPPED, 2_000));
    Object value = assertTimeoutPreemptively(DEADLINE, () -> deserializer(shape,
        Map.of(HandshakeSerdeConfig.READER_SCHEMAS, shape.reader())).deserialize(TOPIC, frame));
    assertThat(((GenericRecord) value).get("tail")).isEqualTo(7);
  }

  @Test
  void aBadUuidWithLogicalTypeConvertersIsAnInvalidLogicalValue() {
    byte[] frame = frame(HostileShapes.UUID_STRING, HostileShapes.UUID_STRING.payloadWith(Position.KEPT,
        out -> out.string("not-a-uuid")));
    refused(HostileShapes.UUID_STRING, frame, Map.of(HandshakeSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS, "true"),
        InvalidLogicalValueException.class, "not-a-uuid is not a valid uuid");
  }

  @Test
  void anOutOfRangeTimeMillisWithLogicalTypeConvertersIsAnInvalidLogicalValue() {
    byte[] frame = frame(HostileShapes.TIME_MILLIS, HostileShapes.TIME_MILLIS.payloadWith(Position.KEPT,
        out -> out.varint(90_000_000)));
    refused(HostileShapes.TIME_MILLIS, frame, Map.of(HandshakeSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS, "true"),
        InvalidLogicalValueException.class, "90000000 is not a valid time-millis");
  }

  @Test
  void theItemLimitIsConfigurableAndARecordWithinItDecodes() {
    HostileShapes shape = HostileShapes.NULL_ARRAY;
    byte[] elevenNulls = frame(shape, shape.payloadWith(Position.KEPT, out -> {
      for (int block = 0; block < 11; block++) {
        out.varint(1);
      }
      out.varint(0);
    }));
    assertThat(((GenericRecord) deserializer(shape, Map.of()).deserialize(TOPIC, elevenNulls)).get("kept"))
        .asList().hasSize(11);
    refused(shape, elevenNulls, Map.of(HandshakeSerdeConfig.DECODE_MAX_ITEMS, "10"),
        DecodeLimitExceededException.class, "handshake.decode.max.items");
  }

  @Test
  void limitsBelowOneAreAConfigErrorNamingTheKey() {
    for (String key : List.of(HandshakeSerdeConfig.DECODE_MAX_ITEMS, HandshakeSerdeConfig.DECODE_MAX_DEPTH)) {
      assertThatThrownBy(() -> deserializer(HostileShapes.NULL_ARRAY, Map.of(key, "0")))
          .isInstanceOf(ConfigException.class).hasMessageContaining(key);
    }
  }

  private static void refused(HostileShapes shape, byte[] frame, Map<String, Object> extra,
      Class<? extends HandshakeSerdeException> type, String reason) {
    HandshakeAvroDeserializer deserializer = deserializer(shape, extra);
    int id = WireFormat.schemaId(frame);
    assertTimeoutPreemptively(DEADLINE, () -> assertThatThrownBy(() -> deserializer.deserialize(TOPIC, frame))
        .isInstanceOfSatisfying(type, e -> {
          assertThat(e.isTransient()).isFalse();
          assertThat(e.topic()).isEqualTo(TOPIC);
          assertThat(e.schemaId()).hasValue(id);
        })
        .hasMessageContaining(reason).hasMessageContaining("topic " + TOPIC).hasMessageContaining("schema id " + id));
  }

  private static byte[] frame(HostileShapes shape, byte[] payload) {
    return shape.frame(registry.url(), payload);
  }

  private static HandshakeAvroDeserializer deserializer(HostileShapes shape, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    HandshakeAvroDeserializer deserializer = new HandshakeAvroDeserializer();
    deserializer.configure(config, false);
    return deserializer;
  }
}
