package dev.handshake.maven;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RegistryUnavailableException;
import dev.handshake.core.tasks.TaskLog;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The one translation of core's typed exceptions for every goal: bad input → {@link MojoFailureException}
 * (the user fixes the configuration); registry unreachable, I/O and anything else that went wrong around the
 * check → {@link MojoExecutionException}. Findings never come here: each goal reports them and fails once.
 */
final class TaskFailures {
  static final String URLS_HINT = "<schemaRegistryUrls><param>http://localhost:8081</param></schemaRegistryUrls> "
      + "or -Dhandshake.schemaRegistryUrls=http://localhost:8081";

  private TaskFailures() {
  }

  interface GoalBody {
    void run() throws MojoExecutionException, MojoFailureException;
  }

  static void translate(GoalBody body) throws MojoExecutionException, MojoFailureException {
    try {
      body.run();
    } catch (RegistryUnavailableException e) {
      throw new MojoExecutionException(e.getMessage() + " The URL comes from " + URLS_HINT + ".", e);
    } catch (InvalidInputException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (HandshakeException | UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** A task's log on Maven's. */
  static TaskLog log(Log log) {
    return TaskLog.of(log::info, log::warn, log::error);
  }
}
