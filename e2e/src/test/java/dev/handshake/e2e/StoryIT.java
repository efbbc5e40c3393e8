package dev.handshake.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * demo/story.sh's walk-through, one test per step, on one stack (the steps build on each other, as in the story):
 * both services from their jars on a real broker, registry and two PostgreSQL servers. The steps themselves are
 * {@link StorySteps}, the code demo/story.sh runs too; each checks what it expects and throws otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoryIT {
  private LocalStack stack;
  private ServiceJar userService;
  private ServiceJar authService;
  private StorySteps story;

  @BeforeAll
  void startStack(@TempDir Path directory) throws Exception {
    stack = LocalStack.start(directory.resolve("stack"));
    userService = stack.startUserService();
    authService = stack.startAuthService(Map.of());
    story = new StorySteps(new TestStack(), Path.of("..").toAbsolutePath().normalize(), directory);
  }

  @AfterAll
  void stopStack() {
    try (LocalStack infra = stack; ServiceJar user = userService; ServiceJar auth = authService) {
      // closed in reverse order: auth, user-service, then the infrastructure
    }
  }

  @Test
  @Order(1)
  void usersCreatedUpdatedAndDeletedReachAuth() throws Exception {
    assertThat(story.usersCreatedUpdatedAndDeletedReachAuth()).contains("auth-service holds");
  }

  @Test
  @Order(2)
  void aDeletedUserIsRefusedAtLogin() throws Exception {
    assertThat(story.aDeletedUserIsRefusedAtLogin()).contains("refused at login (401)");
  }

  @Test
  @Order(3)
  void authStoppedWhileUsersChangeCatchesUpAfterRestart() throws Exception {
    long pidBefore = authService.pid();
    story.authStoppedWhileUsersChangeCatchesUp();
    assertThat(authService.pid()).as("auth-service was restarted").isNotEqualTo(pidBefore);
  }

  @Test
  @Order(4)
  void aBadReleasesEventsAreDeadLetteredWhileOthersKeepFlowing() throws Exception {
    assertThat(story.aBadReleasesEventsAreDeadLetteredWhileOthersKeepFlowing()).contains("dead-letter topic");
    assertThat(authService.client().get("/admin/stats").path("deadLettered").asLong()).isEqualTo(2);
    assertThat(userService.output()).contains("UserStatus [ACTIVE, SUSPENDED, LOCKED]");
  }

  @Test
  @Order(5)
  void authWithAFixedReaderReplaysTheDeadLetters() throws Exception {
    story.authWithAFixedReaderReplaysTheDeadLetters();
    assertThat(authService.client().get("/admin/dlq").path("count").asLong()).isZero();
  }

  @Test
  @Order(6)
  void reconciliationRepairsAuthWhileTheRelayIsPausedAndOlderEventsDoNotClobberIt() throws Exception {
    story.reconciliationRepairsAuthWhileTheRelayIsPaused();
    assertThat(LocalStack.authUsers(authService.client())).isEqualTo(stack.userServiceUsers());
  }

  @Test
  @Order(7)
  void aNewAuthInstanceBootstrappedFromTheSnapshotEndsEqual() throws Exception {
    assertThat(story.aNewAuthInstanceBootstrappedFromTheSnapshotEndsEqual()).contains("equal");
  }

  @Test
  @Order(8)
  void theConsumerWatchFlagsAuthWhileItIsStoppedAndClearsAfterItsCatchUp() throws Exception {
    assertThat(story.theConsumerWatchFlagsAuthWhileItIsStoppedAndClearsAfterItsCatchUp()).contains("flag cleared");
  }

  @Test
  @Order(9)
  void aBreakingChangeGoesOutSideBySideAndTheOldVersionRetires() throws Exception {
    assertThat(story.aBreakingChangeGoesOutSideBySideAndTheOldVersionRetires())
        .contains("none applied twice").contains("can-i-retire yes");
  }

  /** The test's own stack as the story sees it: auth-service restarted as a jar on its fixed port. */
  private final class TestStack implements StoryStack {
    @Override
    public ServiceClient userService() {
      return userService.client();
    }

    @Override
    public ServiceClient authService() {
      return authService.client();
    }

    @Override
    public String kafkaBootstrapServers() {
      return stack.infra.kafkaBootstrapServers();
    }

    @Override
    public String registryUrl() {
      return stack.infra.registryUrl();
    }

    @Override
    public void stopUserService() {
      userService.close();
    }

    @Override
    public void startUserService(Map<String, String> extra) {
      userService = stack.startUserService(extra);
    }

    @Override
    public void stopAuthService() {
      authService.close();
    }

    @Override
    public void startAuthService(Map<String, String> extra) {
      authService = stack.startAuthService(extra);
    }

    @Override
    public ServiceJar startAuthInstance(String database, Map<String, String> extra) throws Exception {
      return stack.startAuthInstance(database, extra);
    }
  }
}
