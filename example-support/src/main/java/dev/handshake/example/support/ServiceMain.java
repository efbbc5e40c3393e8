package dev.handshake.example.support;

import java.io.PrintStream;
import java.util.Map;

/**
 * The {@code main} of an example service: starts it from the environment, closes it on shutdown (Ctrl-C,
 * SIGTERM), and turns a wrong setting into one line on stderr and exit code 2, any other start-up failure
 * into one line and exit code 1.
 */
public final class ServiceMain {
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_BAD_SETTING = 2;

  /** Starts a service from an environment map; what it returns is closed on shutdown. */
  @FunctionalInterface
  public interface Starter {
    AutoCloseable start(Map<String, String> env) throws Exception;
  }

  private ServiceMain() {}

  public static void run(String serviceName, Starter starter) {
    int exitCode = start(serviceName, starter, System.getenv(), System.err);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /** Starts the service; 0 when it runs (its non-daemon threads keep the JVM alive), else the exit code. */
  static int start(String serviceName, Starter starter, Map<String, String> env, PrintStream err) {
    AutoCloseable service;
    try {
      service = starter.start(env);
    } catch (InvalidSettingException e) {
      err.println(serviceName + ": " + e.getMessage());
      return EXIT_BAD_SETTING;
    } catch (Exception e) {
      err.println(serviceName + ": could not start: " + describe(e));
      return EXIT_FAILURE;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        service.close();
      } catch (Exception e) {
        err.println(serviceName + ": error while stopping: " + describe(e));
      }
    }, serviceName + "-shutdown"));
    return 0;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return root == e || root.getMessage() == null ? message : message + " (" + root.getMessage() + ")";
  }
}
