package dev.handshake.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * demo/story.sh's walk-through over java.net.http (no curl, no jq: a JDK is all it needs): the stack up with
 * demo/stack.sh, the story's steps ({@link StorySteps}) with one progress line each, the stack down, the gate step,
 * and a summary. Exits 0 only when every step saw what it expected; 1 naming the step that did not.
 * Usage: {@code StoryMain ROOT DATA_DIR [--skip-gate]}.
 */
public final class StoryMain {
  private int step;

  /** One step of the story: checks what it expects and returns its progress line. */
  @FunctionalInterface
  interface Step {
    String run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: StoryMain ROOT DATA_DIR [--skip-gate]");
      System.exit(2);
    }
    Path root = Path.of(args[0]).toAbsolutePath();
    Path dataDir = Path.of(args[1]).toAbsolutePath();
    // Interrupted (Ctrl-C, story.sh's trap): the second auth instance, a child of this JVM, goes with it.
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
    boolean skipGate = List.of(args).contains("--skip-gate");
    System.exit(new StoryMain().run(root, dataDir, skipGate) ? 0 : 1);
  }

  private boolean run(Path root, Path dataDir, boolean skipGate) throws Exception {
    System.out.println("Handshake's story: two services, a broker, a registry and two databases on this machine"
        + " (data: " + dataDir + ")");
    ScriptStack stack = new ScriptStack(root, dataDir);
    try {
      if (!passes(() -> {
        stack.up();
        return "stack up: " + stack.describe();
      })) {
        return false;
      }
      StorySteps story = new StorySteps(stack, root, dataDir);
      List<Step> steps = new ArrayList<>(List.of(story::usersCreatedUpdatedAndDeletedReachAuth,
          story::aDeletedUserIsRefusedAtLogin, story::authStoppedWhileUsersChangeCatchesUp,
          story::aBadReleasesEventsAreDeadLetteredWhileOthersKeepFlowing,
          story::authWithAFixedReaderReplaysTheDeadLetters, story::reconciliationRepairsAuthWhileTheRelayIsPaused,
          story::aNewAuthInstanceBootstrappedFromTheSnapshotEndsEqual,
          story::theConsumerWatchFlagsAuthWhileItIsStoppedAndClearsAfterItsCatchUp,
          story::aBreakingChangeGoesOutSideBySideAndTheOldVersionRetires));
      for (Step next : steps) {
        if (!passes(next)) {
          return false;
        }
      }
      if (!passes(() -> {
        stack.down();
        return "stack down";
      })) {
        return false;
      }
    } finally {
      try {
        stack.down();
      } catch (Exception | AssertionError failure) {
        System.err.println("story: stopping the stack failed: " + failure.getMessage());
      }
    }
    if (skipGate) {
      System.out.println("    (STORY_GATE=skip: the gate step left out)");
    } else if (!passes(() -> gate(root, dataDir))) {
      return false;
    }
    System.out.println();
    System.out.println("Story OK: " + step + " steps saw what they expected. The registry accepted the release;"
        + " auth dead-lettered,");
    System.out.println("replayed, reconciled and bootstrapped its way back to equal; user-service saw auth fall"
        + " behind; a breaking");
    System.out.println("change went out side by side and v1 retired once no deployed consumer read it; the gate"
        + " would have stopped the release at the build.");
    return true;
  }

  private boolean passes(Step next) {
    try {
      String line = next.run();
      step++;
      System.out.printf("%2d. %s%n", step, line);
      return true;
    } catch (Exception | AssertionError failure) {
      System.err.println("STORY FAILED at step " + (step + 1) + ": " + failure.getMessage());
      return false;
    }
  }

  /** The punchline: the same release fails user-service's build at Handshake's gate (demo/gate-demo.sh). */
  private static String gate(Path root, Path dataDir) throws Exception {
    Path log = dataDir.resolve("gate.log");
    ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("demo/gate-demo.sh").toString())
        .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("GATE_DEMO_CASES", "enum-symbol");
    Process demo = builder.start();
    if (!demo.waitFor(30, TimeUnit.MINUTES)) {
      demo.destroyForcibly();
      throw new AssertionError("the gate demo took over 30 minutes; see " + log);
    }
    String output = Files.readString(log);
    StorySteps.check(demo.exitValue() == 0 && output.contains("ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT"),
        "the gate should fail user-service's build on the LOCKED change; the end of " + log + ":\n"
            + ScriptStack.tail(log));
    return "the same release at the gate: user-service's mvn verify fails with ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT"
        + " for auth-service, before it could ship";
  }
}
