package dev.handshake.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.testsupport.Await;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** demo/stack.sh scales out: more instances of a service beside the first, in stack.env, stopped by down. */
class StackInstancesIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void anotherInstanceOfEachServiceStartsAnswersAndStops(@TempDir Path dataDir) throws Exception {
    ScriptStack stack = new ScriptStack(ROOT, dataDir);
    List<Long> pids = new ArrayList<>();
    try {
      stack.up();
      stack.script("start", "auth-service", "--instance", "2");
      stack.script("start", "user-service", "--instance", "2");
      Map<String, String> env = stack.env();
      for (String service : List.of("AUTH_SERVICE", "USER_SERVICE")) {
        pids.add(Long.parseLong(env.get(service + "_PID")));
        pids.add(Long.parseLong(env.get(service + "_PID_2")));
        assertThat(env.get(service + "_URL_2")).startsWith("http://127.0.0.1:").isNotEqualTo(env.get(service + "_URL"));
      }
      pids.add(Long.parseLong(env.get("INFRA_PID")));
      ServiceClient secondAuth = new ServiceClient(URI.create(env.get("AUTH_SERVICE_URL_2")), env.get("ADMIN_TOKEN"));
      ServiceClient secondUsers = new ServiceClient(URI.create(env.get("USER_SERVICE_URL_2")), env.get("ADMIN_TOKEN"));
      // One database per service: a user made through the second user-service reaches auth through the topic.
      String id = secondUsers.expect(201, "POST", "/users", "{\"email\":\"second@example.com\",\"name\":\"n\"}")
          .path("id").asText();
      Await.until("the second auth-service instance sees the user", Duration.ofMinutes(2),
          () -> secondAuth.get("/admin/stats").path("applied").asLong() >= 1);
      assertThat(UserTables.auth(secondAuth)).containsKey(id);

      long second = Long.parseLong(env.get("AUTH_SERVICE_PID_2"));
      stack.script("stop", "auth-service", "--instance", "2");
      assertThat(stack.env()).doesNotContainKeys("AUTH_SERVICE_PID_2", "AUTH_SERVICE_URL_2")
          .containsKey("USER_SERVICE_PID_2");
      assertThat(alive(second)).as("the stopped instance's process").isFalse();

      assertThat(refusal("start", "auth-service", "--instance", "1")).contains("instance 1 is the first one");
      assertThat(refusal("start", "user-service", "--instance", "0")).contains("--instance 0 is not valid");
      assertThat(refusal("stop", "auth-service", "--instance", "two")).contains("--instance two is not valid");

      stack.down();
      assertThat(pids).as("processes left after down").noneMatch(StackInstancesIT::alive);
      assertThat(stack.env()).doesNotContainKeys("USER_SERVICE_PID_2", "USER_SERVICE_URL_2");
    } finally {
      try {
        stack.down(); // again when the test got that far: down on a stopped stack does nothing
      } finally {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      }
    }
  }

  /** stack.sh's answer to a bad {@code --instance}: exit 2 and the message, before it touches anything. */
  private static String refusal(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("demo/stack.sh").toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--data-dir", "/nonexistent/never-created"));
    Process script = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).as(output).isEqualTo(2);
    return output;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
