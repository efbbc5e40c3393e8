package dev.handshake.core.tasks;

import dev.handshake.core.registry.SchemaRegistry;
import java.util.List;

/** What {@code set-compatibility} needs from a front end: the registry and the levels to set, in order. */
public record SetCompatibilityConfiguration(SchemaRegistry registry, List<Change> changes) {
  public SetCompatibilityConfiguration {
    changes = List.copyOf(changes);
  }

  /**
   * One level to set.
   *
   * @param subject the subject, or null for the registry's global level
   * @param level   a level name, or {@code DEFAULT} (a subject only: its own level is removed, the global applies)
   * @param where   how the front end names this value in errors, e.g. {@code <compatibilityLevels><a>}
   */
  public record Change(String subject, String level, String where) {
    public static Change global(String level, String where) {
      return new Change(null, level, where);
    }

    public boolean isGlobal() {
      return subject == null;
    }
  }
}
