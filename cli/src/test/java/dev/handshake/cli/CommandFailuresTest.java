package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RegistryUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CommandFailuresTest {

  @Test
  void badInputIsTwoWhatCouldNotBeReachedReadOrWrittenIsThreeAndABugIsFour() {
    assertThat(CommandFailures.exitCodeOf(new InvalidInputException("no such file"))).isEqualTo(2);
    assertThat(CommandFailures.exitCodeOf(new RegistryUnavailableException("http://localhost:1", "down", null))).isEqualTo(3);
    assertThat(CommandFailures.exitCodeOf(new HandshakeIOException("cannot write", new IOException("disk full"))))
        .isEqualTo(3);
    assertThat(CommandFailures.exitCodeOf(new IllegalStateException("unreachable branch"))).isEqualTo(4);
    assertThat(CommandFailures.exitCodeOf(new StackOverflowError())).isEqualTo(4);
  }

  @Test
  void aBugPrintsItsStackTraceAndWhereToReportIt() {
    StringWriter err = new StringWriter();

    int code = CommandFailures.report(new NullPointerException("reader was null"), new PrintWriter(err, true), false);

    assertThat(code).isEqualTo(HandshakeCli.EXIT_INTERNAL_ERROR);
    assertThat(err.toString())
        .startsWith("handshake: internal error: java.lang.NullPointerException: reader was null")
        .contains("at dev.handshake.cli.CommandFailuresTest.aBugPrintsItsStackTraceAndWhereToReportIt")
        .contains("https://github.com/handshake-dev/handshake/issues");
  }

  @Test
  void badInputIsOneLineWithoutATrace() {
    StringWriter err = new StringWriter();

    CommandFailures.report(new InvalidInputException("--schemas x is not a directory"), new PrintWriter(err, true),
        false);

    assertThat(err.toString()).isEqualTo("handshake: --schemas x is not a directory" + System.lineSeparator());
  }
}
