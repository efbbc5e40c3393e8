package dev.handshake.example.users;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;

/**
 * The events user-service's production code builds, one factory per interaction its consumers expect. The
 * Handshake gate ({@code handshake:verify}) finds them by the interaction's description, calls them, and
 * checks the result against each consumer's contract; pact-jvm's own message runner uses the same annotation.
 */
public class UserEventFactories {
  private static final User ADA = new User("42", "ada@example.com", "Ada", User.ACTIVE, 1);

  private final UserEvents events = new UserEvents(EventSchemas.builtIn(),
      () -> UUID.fromString("9b2f7c1e-4d3a-4b5c-8e6f-7a8b9c0d1e2f"),
      Clock.fixed(Instant.parse("2026-11-22T10:15:30.123Z"), ZoneOffset.UTC));

  @PactVerifyProvider("a user was created")
  public GenericRecord userCreated() {
    return events.created(ADA);
  }

  @PactVerifyProvider("a user was updated")
  public GenericRecord userUpdated() {
    return events.updated(new User("42", "ada.lovelace@example.com", "Ada Lovelace", "SUSPENDED", 2));
  }

  @PactVerifyProvider("a user was deleted")
  public GenericRecord userDeleted() {
    return events.deleted(new User("42", "ada.lovelace@example.com", "Ada Lovelace", "SUSPENDED", 2));
  }
}
