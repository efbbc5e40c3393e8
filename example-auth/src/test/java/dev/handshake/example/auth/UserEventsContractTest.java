package dev.handshake.example.auth;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.dsl.Matchers;
import au.com.dius.pact.consumer.dsl.PactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.handshake.example.auth.consume.EventDecoder;
import dev.handshake.example.auth.consume.UserEvents;
import dev.handshake.example.auth.store.ApplyOutcome;
import dev.handshake.example.support.Transactions;
import dev.handshake.example.auth.store.UserChange;
import dev.handshake.example.auth.store.UserCopy;
import dev.handshake.example.auth.store.UserStore;
import dev.handshake.example.user.v2.UserCreated;
import dev.handshake.example.user.v2.UserDeleted;
import dev.handshake.example.user.v2.UserStatus;
import dev.handshake.example.user.v2.UserUpdated;
import dev.handshake.core.contract.KeyFormat;
import dev.handshake.junit5.AvroMessageInteraction;
import dev.handshake.junit5.ReceivedAvroMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * auth-service's contract with user-service, as its current version reads: the three user events of version 2
 * (topic user-events.v2, which {@code USER_EVENTS_TOPIC=user-events.v2} selects), as auth-service decodes them with
 * its own v2 reader schemas (src/main/avro-v2), and the fields it relies on. Each test runs auth's real mapping
 * ({@link UserEvents}) and store ({@link UserStore}, on a real PostgreSQL) on the example event.
 * Writes target/pacts/auth-service-user-service.json; the build checks the committed copy holds the same. The
 * contract of the released version that read version 1 (topic user-events) is kept as it was released:
 * contracts/released/auth-service-0.1.0-user-service.json (contracts/README.md).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "user-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class UserEventsContractTest {
  private static final String TOPIC = "user-events.v2";
  private static final String STATUS = "ACTIVE|SUSPENDED|LOCKED";
  private static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+";
  /** auth reads user-service's outbox position from this header and refuses a record whose header is not a number. */
  private static final String POSITION = "[0-9]+";

  @RegisterExtension
  static final FreshDatabase database = new FreshDatabase();


  @Pact(consumer = "auth-service")
  public V4Pact userCreated(PactBuilder builder) {
    return AvroMessageInteraction.expects("a user was created")
        .onTopic(TOPIC)
        .readerSchema(UserCreated.getClassSchema())
        .withKey(KeyFormat.STRING, Matchers.string("42"))
        .withHeader(EventDecoder.POSITION_HEADER, Matchers.regexp(POSITION, "17"))
        .withBody(new PactDslJsonBody()
            .uuid("eventId", "5d0c2b59-6f7b-4a53-9d0e-7c2a1f3b8e01")
            .stringType("userId", "42")
            .stringMatcher("email", EMAIL_PATTERN, "ada@example.com")
            .stringMatcher("status", STATUS, "ACTIVE")
            .integerType("version", 1L))
        .addTo(builder)
        .toPact();
  }

  @Pact(consumer = "auth-service")
  public V4Pact userUpdated(PactBuilder builder) {
    return AvroMessageInteraction.expects("a user was updated")
        .given("user 42 exists")
        .onTopic(TOPIC)
        .readerSchema(UserUpdated.getClassSchema())
        .withKey(KeyFormat.STRING, Matchers.string("42"))
        .withHeader(EventDecoder.POSITION_HEADER, Matchers.regexp(POSITION, "17"))
        .withBody(new PactDslJsonBody()
            .uuid("eventId", "a3e1f0d2-1b2c-4d5e-8f90-0a1b2c3d4e02")
            .stringType("userId", "42")
            .stringMatcher("email", EMAIL_PATTERN, "ada.lovelace@example.com")
            .stringMatcher("status", STATUS, "LOCKED")
            .integerType("version", 2L))
        .addTo(builder)
        .toPact();
  }

  @Pact(consumer = "auth-service")
  public V4Pact userDeleted(PactBuilder builder) {
    return AvroMessageInteraction.expects("a user was deleted")
        .given("user 42 exists")
        .onTopic(TOPIC)
        .readerSchema(UserDeleted.getClassSchema())
        .withKey(KeyFormat.STRING, Matchers.string("42"))
        .withHeader(EventDecoder.POSITION_HEADER, Matchers.regexp(POSITION, "17"))
        .withBody(new PactDslJsonBody()
            .uuid("eventId", "c7d8e9f0-2a3b-4c5d-9e6f-1a2b3c4d5e03")
            .stringType("userId", "42")
            .stringMatcher("email", EMAIL_PATTERN, "ada@example.com")
            .integerType("version", 3L))
        .addTo(builder)
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "userCreated")
  void aCreatedActiveUserCanLogIn(V4Interaction.AsynchronousMessage message) throws SQLException {
    ReceivedAvroMessage received = ReceivedAvroMessage.from(message);
    UserCreated event = received.record(UserCreated.class);

    assertThat(apply(event, received)).isEqualTo(ApplyOutcome.APPLIED);

    assertThat(user()).extracting(UserCopy::email, UserCopy::version, UserCopy::canLogIn)
        .containsExactly("ada@example.com", 1L, true);
  }

  @Test
  @PactTestFor(pactMethod = "userUpdated")
  void aLockedUserCannotLogInAnyMore(V4Interaction.AsynchronousMessage message) throws SQLException {
    apply(created(1L));
    ReceivedAvroMessage received = ReceivedAvroMessage.from(message);
    UserUpdated event = received.record(UserUpdated.class);

    assertThat(apply(event, received)).isEqualTo(ApplyOutcome.APPLIED);

    assertThat(user()).extracting(UserCopy::email, UserCopy::status, UserCopy::canLogIn)
        .containsExactly("ada.lovelace@example.com", "LOCKED", false);
  }

  @Test
  @PactTestFor(pactMethod = "userDeleted")
  void aDeletedUserCannotLogInAndAnOlderEventDoesNotRevive(V4Interaction.AsynchronousMessage message)
      throws SQLException {
    apply(created(1L));
    assertThat(user().canLogIn()).isTrue();
    ReceivedAvroMessage received = ReceivedAvroMessage.from(message);
    UserDeleted event = received.record(UserDeleted.class);

    assertThat(apply(event, received)).isEqualTo(ApplyOutcome.APPLIED);
    assertThat(apply(event, received)).as("the same event again is a no-op").isEqualTo(ApplyOutcome.DUPLICATE);
    assertThat(apply(created(2L))).as("older than the deletion").isEqualTo(ApplyOutcome.STALE);

    assertThat(user()).extracting(UserCopy::deleted, UserCopy::canLogIn).containsExactly(true, false);
  }

  /**
   * Applies the example as auth's consumer does with the record's key and headers: the key must be the user id
   * and the {@code position} header is the source position it stores.
   */
  private static ApplyOutcome apply(GenericRecord event, ReceivedAvroMessage received) throws SQLException {
    RecordHeaders headers = new RecordHeaders();
    received.headers().forEach(headers::add);
    Long position = EventDecoder.position(headers);
    assertThat(position).isEqualTo(17L);
    UserChange change = UserEvents.toChange(event, position);
    EventDecoder.requireKeyIsUserId(received.keyBytes(), change);
    return Transactions.inTransaction(database.dataSource(), connection -> UserStore.apply(connection, change));
  }

  private static ApplyOutcome apply(GenericRecord event) throws SQLException {
    return Transactions.inTransaction(database.dataSource(),
        connection -> UserStore.apply(connection, UserEvents.toChange(event, null)));
  }

  private static UserCopy user() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return UserStore.find(connection, "42").orElseThrow();
    }
  }

  private static UserCreated created(long version) {
    return UserCreated.newBuilder()
        .setEventId(UUID.randomUUID())
        .setUserId("42")
        .setEmail("ada@example.com")
        .setStatus(UserStatus.ACTIVE)
        .setVersion(version)
        .build();
  }
}
