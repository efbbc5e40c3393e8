package dev.handshake.example.support;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An unexpected failure (a database error, a bug) as a caller sees it: a short random id and nothing of the
 * failure itself, whose text may hold SQL, table names or the database's own words. The id and the whole stack
 * trace go to the log, so an operator finds the one from the other.
 */
public record InternalFailure(String id) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Logs {@code failure} under a new id on stderr, naming {@code during} (e.g. the request). */
  public static InternalFailure logged(Throwable failure, String during) {
    return logged(failure, during, System.err);
  }

  static InternalFailure logged(Throwable failure, String during, PrintStream log) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    InternalFailure internal = new InternalFailure(HexFormat.of().formatHex(bytes));
    synchronized (log) {
      log.println("error " + internal.id() + " during " + during + ":");
      failure.printStackTrace(log);
    }
    return internal;
  }

  /** What the caller reads: the id to quote, and where the details are. */
  public String message() {
    return "internal error " + id + ": the service's log has the details under this id";
  }
}
