package dev.handshake.e2e;

import dev.handshake.testsupport.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Recovery on the whole stack: auth in pull mode, and the broker losing all its data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoveryIT {
  private LocalStack stack;
  private ServiceJar userService;
  private ServiceJar authService;

  @BeforeAll
  void startStack(@TempDir Path dataDir) throws Exception {
    stack = LocalStack.start(dataDir);
    userService = stack.startUserService();
    authService = stack.startAuthService(Map.of());
    change(200, "before");
    stack.awaitEqual("auth equals user-service", authService.client());
  }

  @AfterAll
  void stopStack() {
    try (LocalStack infra = stack; ServiceJar user = userService; ServiceJar auth = authService) {
      // auth, user-service, then the infrastructure
    }
  }

  @Test
  @Order(1)
  void authInPullModeEndsEqual() throws Exception {
    try (ServiceJar pulling = stack.startAuthInstance("auth_feed", Map.of("EVENT_SOURCE", "feed"))) {
      change(100, "pulled");
      stack.awaitEqual("the pulling instance equals user-service", pulling.client());
      assertThat(pulling.client().get("/admin/stats").path("applied").asLong()).isEqualTo(stack.outboxEvents());
    }
  }

  @Test
  @Order(2)
  void afterTheBrokerLostItsDataAnOutboxReplayBringsAuthBackToEqual() throws Exception {
    stack.awaitEqual("auth equals user-service before the loss", authService.client());
    authService.close();
    userService.close();
    stack.infra.loseBrokerData();
    stack.infra.kafka().createTopic(LocalStack.TOPIC, 3);
    userService = stack.startUserService();
    authService = stack.startAuthService(Map.of());
    change(50, "after-loss");

    ServiceClient user = userService.client();
    user.expect(202, "POST", "/admin/outbox/replay", "{\"fromPosition\":1}");
    Await.until("the relay republished the outbox", Duration.ofMinutes(2),
        () -> user.get("/admin/outbox").path("pending").asLong() == 0);
    stack.awaitEqual("auth equals user-service after the replay", authService.client());
    Await.until("auth applied each distinct event once", Duration.ofMinutes(2),
        () -> authService.client().get("/admin/stats").path("applied").asLong() == stack.outboxEvents());
  }

  /** {@code count} changes: new users, every third one updated and every fifth deleted. */
  private void change(int count, String prefix) throws Exception {
    ServiceClient api = stack.userServiceClient();
    for (int i = 0; i < count; i++) {
      String id = api.expect(201, "POST", "/users", "{\"email\":\"" + prefix + i + "@example.com\",\"name\":\"n\"}")
          .path("id").asText();
      if (i % 3 == 0) {
        api.expect(200, "PUT", "/users/" + id, "{\"status\":\"SUSPENDED\"}");
      }
      if (i % 5 == 0) {
        api.expect(204, "DELETE", "/users/" + id, null);
      }
    }
  }
}
