package dev.handshake.example.users;

import static dev.handshake.example.users.UserEventFactories.ADA;
import static dev.handshake.example.users.UserEventFactories.ADA_SUSPENDED;
import static dev.handshake.example.users.UserEventFactories.relayed;

import au.com.dius.pact.provider.PactVerifyProvider;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * v2's factories: the same descriptions as v1's ({@link UserEventFactories}), records on topic
 * {@code user-events.v2}. A gate that tells factories apart by the record's topic picks these for a contract on
 * {@code user-events.v2}; one that knows descriptions only warns of the duplicates and uses the first found, which
 * is v1's (classes are scanned in name order, and this class's name sorts after v1's).
 */
public class UserEventFactoriesV2 {
  private final UserEvents events = UserEventFactories.events();

  @PactVerifyProvider("a user was created")
  public ProducerRecord<String, Object> userCreated() {
    return relayed(EventVersion.V2, events.created(ADA));
  }

  @PactVerifyProvider("a user was updated")
  public ProducerRecord<String, Object> userUpdated() {
    return relayed(EventVersion.V2, events.updated(ADA_SUSPENDED));
  }

  @PactVerifyProvider("a user was deleted")
  public ProducerRecord<String, Object> userDeleted() {
    return relayed(EventVersion.V2, events.deleted(ADA_SUSPENDED));
  }
}
