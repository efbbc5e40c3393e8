package dev.handshake.registry.api;

import java.io.PrintStream;

/**
 * What the registry does with an error it cannot survive: say so on stderr and halt the JVM with a non-zero
 * exit code at once. {@code halt}, not {@code exit}: shutdown hooks could block on the very threads that are
 * failing, and there is nothing to save (every acknowledged write is already forced to disk).
 */
public final class FatalErrors {
  /** Exit code after an {@link OutOfMemoryError} (70, EX_SOFTWARE in sysexits.h). */
  public static final int EXIT_CODE = 70;

  private FatalErrors() {
  }

  public static Error exit(OutOfMemoryError error, PrintStream errors) {
    try {
      errors.println("registry: out of memory (" + error.getMessage() + "); exiting with code " + EXIT_CODE
          + " so a supervisor can restart it. Give it a bigger heap (-Xmx, or HANDSHAKE_REGISTRY_JAVA_OPTS for "
          + "./handshake registry serve) if this repeats");
      errors.flush();
    } finally {
      Runtime.getRuntime().halt(EXIT_CODE);
    }
    return error;
  }

  /** For threads the registry does not own (the JDK server's dispatcher): an OOM there ends the process too. */
  public static void installDefaultHandler(PrintStream errors) {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (e instanceof OutOfMemoryError oom) {
        exit(oom, errors);
      } else if (previous != null) {
        previous.uncaughtException(thread, e);
      } else {
        errors.println("registry: thread " + thread.getName() + " died: " + e);
        e.printStackTrace(errors);
      }
    });
  }
}
