package dev.handshake.kafka;

import dev.handshake.core.registry.SchemaRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} (for Kafka Streams, or any API that takes one) on Handshake's serializer and
 * deserializer, typed for {@code T}. {@code Serde} is kafka-clients' own interface, so this costs plain-client
 * users no dependency. Subclasses fix the settings that make the deserializer return {@code T}.
 */
abstract class AvroSerde<T> implements Serde<T> {
  private final SchemaRegistry givenRegistry;
  private final Map<String, Object> forced;
  private HandshakeAvroSerializer serializer;
  private HandshakeAvroDeserializer deserializer;

  AvroSerde(SchemaRegistry givenRegistry, Map<String, Object> forced) {
    this.givenRegistry = givenRegistry;
    this.forced = Map.copyOf(forced);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> effective = new HashMap<>(configs);
    effective.putAll(forced);
    if (givenRegistry != null) {
      serializer = new HandshakeAvroSerializer(givenRegistry, effective, isKey);
      deserializer = new HandshakeAvroDeserializer(givenRegistry, effective, isKey);
    } else {
      serializer = new HandshakeAvroSerializer();
      serializer.configure(effective, isKey);
      deserializer = new HandshakeAvroDeserializer();
      deserializer.configure(effective, isKey);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return new Serializer<>() {
      @Override
      public byte[] serialize(String topic, T data) {
        return configured(serializer).serialize(topic, data);
      }

      @Override
      public byte[] serialize(String topic, Headers headers, T data) {
        return configured(serializer).serialize(topic, headers, data);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return new Deserializer<>() {
      @Override
      public T deserialize(String topic, byte[] data) {
        return cast(configured(deserializer).deserialize(topic, data), topic, data);
      }

      @Override
      public T deserialize(String topic, Headers headers, byte[] data) {
        return cast(configured(deserializer).deserialize(topic, headers, data), topic, data);
      }
    };
  }

  @Override
  public void close() {
    if (serializer != null) {
      serializer.close();
    }
    if (deserializer != null) {
      deserializer.close();
    }
  }

  /** What the deserializer returned, as {@code T}; a value of another type is the writer's doing, named here. */
  abstract T cast(Object value, String topic, byte[] data);

  private <S> S configured(S delegate) {
    if (delegate == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " is not configured: call configure(configs, "
          + "isKey) first, or let Kafka Streams do it (default.key.serde / default.value.serde, or Consumed/Produced "
          + "with a configured serde)");
    }
    return delegate;
  }
}
