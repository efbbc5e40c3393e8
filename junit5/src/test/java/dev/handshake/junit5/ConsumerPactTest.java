package dev.handshake.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.dsl.PactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.junit5.fixture.AccountClosed;
import dev.handshake.junit5.fixture.AccountOpened;
import dev.handshake.junit5.fixture.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The helpers inside pact-jvm's own JUnit 5 extension, as a consumer's test uses them. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "fixture-producer", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class ConsumerPactTest {

  /** Stands in for a consumer's real handler: it only keeps what it was given. */
  static final class ClosedAccounts {
    final List<String> closed = new ArrayList<>();

    void on(AccountClosed event) {
      if (event.getPlan() == Plan.PRO) {
        closed.add(event.getAccountId() + "@" + event.getClosedAt());
      }
    }
  }

  @Pact(consumer = "fixture-consumer")
  public V4Pact accountClosed(PactBuilder builder) {
    return AvroMessageInteractionTest.accountClosed().addTo(builder).toPact();
  }

  @Test
  @PactTestFor(pactMethod = "accountClosed")
  void theHandlerRunsOnTheExampleEventAsItsGeneratedClass(V4Interaction.AsynchronousMessage message) {
    ReceivedAvroMessage received = ReceivedAvroMessage.from(message);
    assertThat(received.topic()).isEqualTo("account-events");
    assertThat(received.description()).isEqualTo("an account was closed");

    AccountClosed event = received.record(AccountClosed.class);
    assertThat(event.getEventId()).isEqualTo(UUID.fromString("0b6e5c2a-3f0e-4f57-9c55-1d1f0b1f7a10"));
    assertThat(event.getReason()).isNull();
    ClosedAccounts handler = new ClosedAccounts();
    handler.on(event);
    assertThat(handler.closed).containsExactly("acc-7@" + Instant.parse("2026-11-22T10:15:30.123Z"));
  }

  @Test
  @PactTestFor(pactMethod = "accountClosed")
  void theExampleIsAvailableAsGenericRecordAndAsWireBytes(V4Interaction.AsynchronousMessage message) {
    ReceivedAvroMessage received = ReceivedAvroMessage.from(message);
    GenericRecord record = received.record();
    assertThat(record.get("balanceCents")).isEqualTo(1250L);
    assertThat(record.get("closedAt")).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z").toEpochMilli());

    byte[] bytes = received.wireBytes(42);
    assertThat(bytes[0]).isZero();
    assertThat(WireFormat.schemaId(bytes)).isEqualTo(42);
    Object decoded = WireFormat.decode(bytes, received.readerSchema(), received.readerSchema());
    assertThat(decoded).isEqualTo(record);
    assertThat(received.json().path("plan").asText()).isEqualTo("PRO");
  }

  @Test
  @PactTestFor(pactMethod = "accountClosed")
  void aGeneratedClassOfAnotherSchemaIsRefused(V4Interaction.AsynchronousMessage message) {
    ReceivedAvroMessage received = ReceivedAvroMessage.from(message);
    assertThatThrownBy(() -> received.record(AccountOpened.class))
        .hasMessageContaining(AccountOpened.class.getName() + " was generated from a different schema")
        .hasMessageContaining(".readerSchema(AccountOpened.getClassSchema())");
  }
}
