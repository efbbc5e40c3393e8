package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.avro.WireFormat;
import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each kind of bad input is its own permanent exception naming topic, schema id and first bytes. */
class DeserializerFailureTest {
  @RegisterExtension
  static final SharedServers SERVERS = new SharedServers();
  static final String TOPIC = "failures";

  @Test
  void wrongMagicByteNamesTopicAndFirstBytes() {
    byte[] json = "{\"userId\":\"u-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, json))
        .isInstanceOfSatisfying(UnknownMagicByteException.class, e -> {
          assertThat(e.isTransient()).isFalse();
          assertThat(e.topic()).isEqualTo(TOPIC);
          assertThat(e.schemaId()).isEmpty();
          assertThat(e.firstBytesHex()).startsWith("7b 22 75 73");
        })
        .hasMessageContaining("magic byte").hasMessageContaining("topic failures");
  }

  @Test
  void dataShorterThanTheHeaderIsTruncated() {
    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOf(TruncatedPayloadException.class).hasMessageContaining("00 00 01 (3 bytes)");
  }

  @Test
  void unknownSchemaIdIsPermanentAndNamesTheId() {
    byte[] framed = {0, 0x7f, 0, 0, 1, 2};

    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, framed))
        .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> {
          assertThat(e.isTransient()).isFalse();
          assertThat(e.schemaId()).hasValue(0x7f000001);
        })
        .hasMessageContaining("schema id 2130706433");
  }

  @Test
  void payloadCutShortIsTruncated() {
    byte[] framed = serialize(created());
    byte[] cut = Arrays.copyOf(framed, framed.length - 4);

    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, cut))
        .isInstanceOfSatisfying(TruncatedPayloadException.class,
            e -> assertThat(e.schemaId()).hasValue(WireFormat.schemaId(framed)));
  }

  @Test
  void trailingBytesFailByDefaultAndPassWhenTurnedOff() {
    byte[] framed = serialize(created());
    byte[] longer = Arrays.copyOf(framed, framed.length + 3);

    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, longer))
        .isInstanceOf(TrailingBytesException.class).hasMessageContaining("3 of the");
    Object lenient = deserializer(Map.of(HandshakeSerdeConfig.FAIL_ON_TRAILING_BYTES, "false"))
        .deserialize(TOPIC, longer);
    assertThat(((GenericRecord) lenient).get("userId").toString()).isEqualTo("u-1");
  }

  @Test
  void aTwoGigabyteStringLengthFailsFastWithoutAllocating() {
    byte[] framed = serialize(created());
    int id = WireFormat.schemaId(framed);
    // eventId is the first field: replace its length with zig-zag(2^31 - 1), leave the rest as it was
    byte[] forged = new byte[framed.length + 4];
    System.arraycopy(framed, 0, forged, 0, 5);
    byte[] hugeLength = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
    System.arraycopy(hugeLength, 0, forged, 5, hugeLength.length);
    System.arraycopy(framed, 6, forged, 10, framed.length - 6);

    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, forged))
        .isInstanceOfSatisfying(LengthBeyondPayloadException.class, e -> assertThat(e.schemaId()).hasValue(id))
        .hasMessageContaining("2147483647");
  }

  @Test
  void aWriterTheReaderCannotResolveIsUnresolvable() {
    String reader = """
        {"type": "record", "name": "UserCreated", "namespace": "dev.handshake.example.user", "fields": [
          {"name": "userId", "type": "string"}, {"name": "loginCount", "type": "int"}]}""";

    assertThatThrownBy(() -> deserializer(Map.of(HandshakeSerdeConfig.READER_SCHEMAS, reader))
        .deserialize(TOPIC, serialize(created())))
        .isInstanceOf(UnresolvableWriterException.class)
        .hasMessageContaining("loginCount").hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void severalReadersAndNoneForTheWriterIsNoReaderForWriter() {
    Map<String, Object> config = Map.of(HandshakeSerdeConfig.READER_SCHEMAS,
        "../schemas/user-events/UserUpdated.avsc,../example-auth/src/main/avro/UserDeleted.avsc");

    assertThatThrownBy(() -> deserializer(config).deserialize(TOPIC, serialize(created())))
        .isInstanceOfSatisfying(NoReaderForWriterException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageContaining("dev.handshake.example.user.UserCreated")
        .hasMessageContaining("dev.handshake.example.user.UserUpdated");
  }

  @Test
  void aReaderFileUsingATypeNoGivenFileDefinesIsAConfigErrorNamingFileAndLine() {
    Map<String, Object> config = Map.of(HandshakeSerdeConfig.READER_SCHEMAS,
        "../example-auth/src/main/avro/UserUpdated.avsc");

    assertThatThrownBy(() -> deserializer(config))
        .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
        .hasMessageContaining("UserUpdated.avsc:10:32").hasMessageContaining("UserStatus");
  }

  @Test
  void oneReaderIsUsedForEveryWriterThroughItsAliases() {
    String renamed = """
        {"type": "record", "name": "AccountOpened", "namespace": "dev.handshake.auth",
         "aliases": ["dev.handshake.example.user.UserCreated"], "fields": [
          {"name": "userId", "type": "string"}, {"name": "mail", "type": "string", "aliases": ["email"]}]}""";

    GenericRecord read = (GenericRecord) deserializer(Map.of(HandshakeSerdeConfig.READER_SCHEMAS, renamed))
        .deserialize(TOPIC, serialize(created()));

    assertThat(read.getSchema().getFullName()).isEqualTo("dev.handshake.auth.AccountOpened");
    assertThat(read.get("mail").toString()).isEqualTo("u-1@example.com");
  }

  static UserCreated created() {
    return SerdeRoundTripTest.created("u-1", UserStatus.ACTIVE);
  }

  static byte[] serialize(Object value) {
    HandshakeAvroSerializer serializer = new HandshakeAvroSerializer();
    serializer.configure(config(Map.of()), false);
    return serializer.serialize(TOPIC, value);
  }

  static HandshakeAvroDeserializer deserializer(Map<String, Object> extra) {
    HandshakeAvroDeserializer deserializer = new HandshakeAvroDeserializer();
    deserializer.configure(config(extra), false);
    return deserializer;
  }

  static Map<String, Object> config(Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, SERVERS.registryUrl());
    return config;
  }
}
