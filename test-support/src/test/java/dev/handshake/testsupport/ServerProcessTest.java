package dev.handshake.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServerProcessTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://([^:]+):(\\d+)");

    @Test
    void becomesReadyOnTheMatchingLineAndStopsOnClose() {
        // `cat` keeps the child alive (it waits on the stdin pipe we never close) without printing anything more.
        ServerProcess server = ServerProcess.start("fake server",
                List.of("sh", "-c", "echo booting; echo 'listening on http://127.0.0.1:4711'; exec cat"),
                LISTENING, Duration.ofSeconds(20));
        try {
            assertThat(server.readyMatch().group(2)).isEqualTo("4711");
            assertThat(server.isAlive()).isTrue();
            assertThat(server.tailText()).contains("booting");
        } finally {
            server.close();
        }
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void killEndsEvenAProcessThatIgnoresTerm() {
        ServerProcess server = ServerProcess.start("stubborn server",
                List.of("sh", "-c", "trap '' TERM; echo 'listening on http://127.0.0.1:4712'; exec cat"),
                LISTENING, Duration.ofSeconds(20));
        server.kill();
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void processThatExitsBeforeReadyFailsWithItsExitCodeAndOutput() {
        assertThatThrownBy(() -> ServerProcess.start("broken server",
                List.of("sh", "-c", "echo 'port 8080 already in use'; exit 3"), LISTENING, Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken server exited before it was ready (exit code 3)")
                .hasMessageContaining("port 8080 already in use");
    }

    @Test
    void processThatNeverGetsReadyFailsAtTheDeadlineAndIsStopped() {
        assertThatThrownBy(() -> ServerProcess.start("silent server",
                List.of("sh", "-c", "echo 'still thinking'; exec cat"), LISTENING, Duration.ofMillis(700)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("silent server printed no line matching")
                .hasMessageContaining("within PT0.7S")
                .hasMessageContaining("still thinking");
    }

    @Test
    void commandThatCannotBeLaunchedNamesTheCommand() {
        assertThatThrownBy(() -> ServerProcess.start("ghost",
                List.of("/nonexistent/handshake-server", "--port", "0"), LISTENING, Duration.ofSeconds(5)))
                .hasMessageContaining("Could not start ghost with: /nonexistent/handshake-server --port 0");
    }
}
