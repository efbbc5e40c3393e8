package dev.handshake.cli;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.InvalidInputException;
import java.io.PrintWriter;

/**
 * How a command that threw ends: bad input is exit 2, what Handshake could not reach, read or write is exit 3
 * (README.md), and anything else is a bug in Handshake, exit 4, with its stack trace and where to report it.
 */
final class CommandFailures {
  static final String REPORT_A_BUG = "This is a bug in Handshake, not in your input: please report it at "
      + "https://github.com/handshake-dev/handshake/issues with the command line and the stack trace above.";

  private CommandFailures() {
  }

  static int exitCodeOf(Throwable exception) {
    if (exception instanceof InvalidInputException) {
      return HandshakeCli.EXIT_BAD_INPUT;
    }
    if (exception instanceof HandshakeException) {
      return HandshakeCli.EXIT_UNREACHABLE;
    }
    return HandshakeCli.EXIT_INTERNAL_ERROR;
  }

  /** Prints the failure as the exit code it gets says it, and returns that code. */
  static int report(Throwable exception, PrintWriter err, boolean verbose) {
    int exitCode = exitCodeOf(exception);
    if (exitCode == HandshakeCli.EXIT_INTERNAL_ERROR) {
      err.println("handshake: internal error: " + exception);
      exception.printStackTrace(err);
      err.println(REPORT_A_BUG);
      return exitCode;
    }
    err.println("handshake: " + exception.getMessage());
    if (verbose) {
      exception.printStackTrace(err);
    } else if (exitCode != HandshakeCli.EXIT_BAD_INPUT) {
      err.println("(run again with --verbose for the stack trace)");
    }
    return exitCode;
  }
}
