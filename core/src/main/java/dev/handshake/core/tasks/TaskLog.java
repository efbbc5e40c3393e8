package dev.handshake.core.tasks;

import java.util.function.Consumer;

/** Where a task says what it does: Maven's log, or the CLI's standard streams. */
public interface TaskLog {
  void info(String line);

  void warn(String line);

  void error(String line);

  /** Every line to one place, as the CLI prints a command's report on standard output. */
  static TaskLog of(Consumer<String> every) {
    return of(every, every, every);
  }

  /** Nothing printed: the front end reports the outcome itself (the CLI's {@code --format json}). */
  static TaskLog silent() {
    return of(line -> { });
  }

  static TaskLog of(Consumer<String> info, Consumer<String> warn, Consumer<String> error) {
    return new TaskLog() {
      @Override
      public void info(String line) {
        info.accept(line);
      }

      @Override
      public void warn(String line) {
        warn.accept(line);
      }

      @Override
      public void error(String line) {
        error.accept(line);
      }
    };
  }
}
