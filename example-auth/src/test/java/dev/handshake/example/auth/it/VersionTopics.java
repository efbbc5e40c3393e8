package dev.handshake.example.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A fresh pair of user-service's topics, version 1 ({@code user-events-N}) and version 2 ({@code user-events-N.v2}),
 * with the same partition count as user-service creates them, and auth's environment for either (one consumer group
 * throughout, as an operator's restart keeps it).
 */
record VersionTopics(Infrastructure infrastructure, String v1, String v2) {

  static VersionTopics create(Infrastructure infrastructure, int partitions) {
    String v1 = infrastructure.newTopic(partitions);
    String v2 = v1 + ".v2";
    infrastructure.kafka().createTopic(v2, partitions);
    return new VersionTopics(infrastructure, v1, v2);
  }

  /** auth-service's environment reading {@code topic} (one of the two). */
  Map<String, String> authEnv(String topic) {
    return infrastructure.authEnv(topic, Map.of("CONSUMER_GROUP", "auth-" + v1));
  }

  BothVersionsProducer producer() {
    return new BothVersionsProducer(infrastructure, v1, v2);
  }

  /** Every user auth holds is in the state user-service published last, field by field. */
  static void assertAuthHolds(AuthClient client, Map<String, BothVersionsProducer.Expected> expected)
      throws Exception {
    for (Map.Entry<String, BothVersionsProducer.Expected> user : expected.entrySet()) {
      JsonNode copy = client.get("/users/" + user.getKey());
      BothVersionsProducer.Expected state = user.getValue();
      assertThat(copy.path("email").asText()).as(user.getKey() + "'s email").isEqualTo(state.email());
      assertThat(copy.path("status").asText()).as(user.getKey() + "'s status").isEqualTo(state.status());
      assertThat(copy.path("version").asLong()).as(user.getKey() + "'s version").isEqualTo(state.version());
      assertThat(copy.path("deleted").asBoolean()).as(user.getKey() + " deleted").isEqualTo(state.deleted());
    }
  }
}
