package dev.handshake.example.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.testsupport.Await;
import dev.handshake.testsupport.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * auth-service's move from user-events to user-events.v2 with SIGKILLs around it, as its own process
 * ({@code target/auth-service.jar}, hence a failsafe test after the package phase): killed on v1 while users change,
 * restarted on v2, killed again while it catches up on v2, restarted. Every published event is still applied exactly
 * once (auth's own counts: applied equals published, no duplicate) and auth ends in user-service's state.
 */
@ExtendWith(Infrastructure.Resolver.class)
class VersionSwitchCrashIT {
  private static final Path AUTH_JAR = Path.of("target", "auth-service.jar");
  private static final int PARTITIONS = 3;
  private static final int USERS = 12;
  private static Infrastructure infrastructure;

  @BeforeAll
  static void parts(Infrastructure shared) {
    infrastructure = shared;
  }

  @Test
  void killedOnV1AndAgainWhileCatchingUpOnV2AuthAppliesEveryEventOnce() throws Exception {
    VersionTopics topics = VersionTopics.create(infrastructure, PARTITIONS);
    try (BothVersionsProducer producer = topics.producer()) {
      for (int i = 0; i < USERS; i++) {
        producer.change("u" + i, "ACTIVE");
      }
      try (UserChangesFlow flow = UserChangesFlow.start(producer, USERS)) {
        ServerProcess auth = start(topics, topics.v1());
        try {
          AuthClient onV1 = client(auth);
          Await.until("auth on v1 applied events while they flow", () -> onV1.stat("applied") >= 100);
          auth.kill();

          auth = start(topics, topics.v2());
          AuthClient onV2 = client(auth);
          long appliedAtRestart = onV2.stat("applied");
          Await.until("auth on v2 applied some events after the switch",
              () -> onV2.stat("applied") >= appliedAtRestart + 20);
          auth.kill();

          long atSecondRestart = producer.published();
          auth = start(topics, topics.v2());
          AuthClient again = client(auth);
          Await.until("events keep flowing after the second kill",
              () -> producer.published() >= atSecondRestart + 100 && again.stat("applied") > atSecondRestart);
          flow.close();
          producer.change("u0", "LOCKED");
          producer.delete("u1");

          Await.until("auth applied every published event", () -> again.stat("applied") == producer.published());
          assertThat(again.stat("duplicates")).as("no event applied twice across the kills and the switch")
              .isZero();
          assertThat(again.stat("stale")).isZero();
          VersionTopics.assertAuthHolds(again, producer.expected());
        } finally {
          auth.close();
        }
      }
    }
  }

  private static ServerProcess start(VersionTopics topics, String topic) {
    return JarProcess.start("auth-service", AUTH_JAR, topics.authEnv(topic));
  }

  private static AuthClient client(ServerProcess auth) {
    return new AuthClient(URI.create(auth.readyMatch().group(1)));
  }
}
