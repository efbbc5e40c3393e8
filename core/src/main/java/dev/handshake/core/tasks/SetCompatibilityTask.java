package dev.handshake.core.tasks;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code set-compatibility} for every front end. Every level is read before any is set, so a typo in the third
 * leaves the registry as it was instead of half-changed.
 */
public final class SetCompatibilityTask {
  private static final String DEFAULT = "DEFAULT";

  private final SetCompatibilityConfiguration config;
  private final TaskLog log;

  public SetCompatibilityTask(SetCompatibilityConfiguration config, TaskLog log) {
    this.config = config;
    this.log = log;
  }

  public void run() {
    List<Optional<CompatibilityLevel>> levels = new ArrayList<>();
    for (SetCompatibilityConfiguration.Change change : config.changes()) {
      levels.add(parse(change));
    }
    SchemaRegistry registry = config.registry();
    for (int i = 0; i < levels.size(); i++) {
      SetCompatibilityConfiguration.Change change = config.changes().get(i);
      Optional<CompatibilityLevel> level = levels.get(i);
      if (level.isEmpty()) {
        registry.deleteSubjectCompatibility(change.subject());
        log.info("subject \"" + change.subject() + "\" now follows the global level "
            + registry.globalCompatibility() + " at " + registry.describe());
      } else if (change.isGlobal()) {
        registry.setGlobalCompatibility(level.get());
        log.info("global level set to " + level.get() + " at " + registry.describe());
      } else {
        registry.setSubjectCompatibility(change.subject(), level.get());
        log.info("level of subject \"" + change.subject() + "\" set to " + level.get() + " at " + registry.describe());
      }
    }
  }

  /** The level to set, or empty for {@code DEFAULT}: remove the subject's own level. */
  private static Optional<CompatibilityLevel> parse(SetCompatibilityConfiguration.Change change) {
    String value = change.level() == null ? "" : change.level().trim();
    if (DEFAULT.equalsIgnoreCase(value)) {
      if (change.isGlobal()) {
        throw new InvalidInputException(change.where() + ": DEFAULT only applies to a subject; give the global "
            + "level itself");
      }
      return Optional.empty();
    }
    return Optional.of(CompatibilityLevel.parse(value, change.where()));
  }
}
