package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserDeleted;
import dev.handshake.example.user.UserStatus;
import dev.handshake.example.user.UserUpdated;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class UserEventsTest {
  private static final UUID EVENT_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456Z");
  private final UserEvents events = new UserEvents(() -> EVENT_ID, Clock.fixed(NOW, ZoneOffset.UTC));
  private final User suspended = new User("7", "grace@example.com", "Grace", User.Status.SUSPENDED, 4);

  @Test
  void createdCarriesTheWholeUserAndAMillisecondTimestamp() throws IOException {
    UserCreated event = events.created(suspended);
    assertThat(event.getEventId()).isEqualTo(EVENT_ID);
    assertThat(event.getUserId()).isEqualTo("7");
    assertThat(event.getEmail()).isEqualTo("grace@example.com");
    assertThat(event.getDisplayName()).isEqualTo("Grace");
    assertThat(event.getStatus()).isEqualTo(UserStatus.SUSPENDED);
    assertThat(event.getVersion()).isEqualTo(4L);
    assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
    assertThat(encode(event)).isNotEmpty();
  }

  @Test
  void updatedCarriesTheNewState() throws IOException {
    UserUpdated event = events.updated(suspended);
    assertThat(event.getStatus()).isEqualTo(UserStatus.SUSPENDED);
    assertThat(event.getVersion()).isEqualTo(4L);
    assertThat(encode(event)).isNotEmpty();
  }

  @Test
  void aDeletionIsOneVersionNewerThanTheLastState() throws IOException {
    UserDeleted event = events.deleted(suspended);
    assertThat(event.getEmail()).isEqualTo("grace@example.com");
    assertThat(event.getVersion()).isEqualTo(5L);
    assertThat(encode(event)).isNotEmpty();
  }

  @Test
  void aUserWithoutAVersionIsRefused() {
    assertThatThrownBy(() -> new User("7", "g@example.com", "G", User.Status.ACTIVE, 0))
        .hasMessageContaining("version starts at 1");
  }

  /** The events must serialize with the producer's schemas, as the Kafka serializer will do. */
  private static byte[] encode(SpecificRecord event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
