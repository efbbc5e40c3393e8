package dev.handshake.example.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.example.auth.AuthService;
import dev.handshake.testsupport.Await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * auth-service moved from user-service's events v1 (user-events) to v2 (user-events.v2) by a restart with
 * {@code USER_EVENTS_TOPIC} changed, while both topics carry every change with the same event id and position: it
 * resumes v2 right after what it applied from v1, so every event is applied once (counted by auth: applied equals
 * what was published, no duplicate even caught by the event-id dedupe), and back to v1 the same way.
 */
@ExtendWith(Infrastructure.Resolver.class)
class VersionSwitchTest {
  private static final int PARTITIONS = 3;
  private static final int USERS = 12;
  private static Infrastructure infrastructure;

  @BeforeAll
  static void parts(Infrastructure shared) {
    infrastructure = shared;
  }

  @Test
  void movingToV2WhileUsersChangeAppliesEveryEventExactlyOnce() throws Exception {
    VersionTopics topics = VersionTopics.create(infrastructure, PARTITIONS);
    try (BothVersionsProducer producer = topics.producer()) {
      for (int i = 0; i < USERS; i++) {
        producer.change("u" + i, "ACTIVE");
      }
      try (UserChangesFlow flow = UserChangesFlow.start(producer, USERS)) {
        try (AuthService auth = AuthService.start(topics.authEnv(topics.v1()))) {
          AuthClient client = new AuthClient(auth.url());
          Await.until("auth on v1 applied events while they flow", () -> client.stat("applied") >= 100);
        }
        long atSwitch = producer.published();
        try (AuthService auth = AuthService.start(topics.authEnv(topics.v2()))) {
          AuthClient client = new AuthClient(auth.url());
          Await.until("events keep flowing with auth on v2", () -> producer.published() >= atSwitch + 100
              && client.stat("applied") > atSwitch);
          flow.close();
          producer.change("u0", "LOCKED");
          producer.delete("u1");

          Await.until("auth applied every published event", () -> client.stat("applied") == producer.published());
          assertThat(client.stat("duplicates")).as("no event applied from both topics").isZero();
          assertThat(client.stat("stale")).isZero();
          assertThat(client.stat("deadLettered")).isZero();
          VersionTopics.assertAuthHolds(client, producer.expected());
          assertThat(client.send("PUT", "/credentials/u0", "{\"password\":\"pw-u0-long\"}").status()).isEqualTo(204);
          assertThat(client.send("POST", "/login", "{\"email\":\"" + producer.expected().get("u0").email()
              + "\",\"password\":\"pw-u0-long\"}").status()).as("a LOCKED user cannot log in").isEqualTo(401);
        }
      }
    }
  }

  @Test
  void movingBackToV1ResumesAfterWhatV2Applied() throws Exception {
    VersionTopics topics = VersionTopics.create(infrastructure, PARTITIONS);
    try (BothVersionsProducer producer = topics.producer()) {
      for (String topic : new String[] {topics.v1(), topics.v2(), topics.v1()}) {
        for (int i = 0; i < 30; i++) {
          producer.change("u" + (i % USERS), i % 4 == 3 ? "SUSPENDED" : "ACTIVE");
        }
        try (AuthService auth = AuthService.start(topics.authEnv(topic))) {
          AuthClient client = new AuthClient(auth.url());
          Await.until("auth on " + topic + " applied every published event",
              () -> client.stat("applied") == producer.published());
          assertThat(client.stat("duplicates")).as("nothing applied again on " + topic).isZero();
          VersionTopics.assertAuthHolds(client, producer.expected());
        }
      }
    }
  }
}
