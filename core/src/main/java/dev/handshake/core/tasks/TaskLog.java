package dev.handshake.core.tasks;

/** Where a task says what it does: Maven's log, or the CLI's standard streams. */
public interface TaskLog {
  void info(String line);

  void warn(String line);

  void error(String line);
}
