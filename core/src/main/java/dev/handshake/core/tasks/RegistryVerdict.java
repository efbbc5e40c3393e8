package dev.handshake.core.tasks;

import dev.handshake.core.compat.CompatibilityLevel;
import java.util.List;

/**
 * What the registry itself answered when asked whether it would accept the candidate
 * ({@code POST /compatibility/subjects/{subject}/versions/{version}?verbose=true}): the authority a
 * registration meets, asked beside Handshake's own engine so a check never passes what the registry refuses.
 *
 * @param level the level the registry applies, as far as it tells
 * @param levelSource where that level came from (the subject's own, the global one, or what was inferred)
 * @param askedVersions the versions asked about: {@code latest}, or each version for a transitive level
 * @param messages the registry's reasons when it refused, each prefixed by the version when several were asked
 */
public record RegistryVerdict(boolean compatible, CompatibilityLevel level, String levelSource,
                              List<String> askedVersions, List<String> messages) {
  public RegistryVerdict {
    askedVersions = List.copyOf(askedVersions);
    messages = List.copyOf(messages);
  }

  RegistryVerdict withLevel(CompatibilityLevel newLevel, String newSource) {
    return new RegistryVerdict(compatible, newLevel, newSource, askedVersions, messages);
  }

  /** {@code compatible under BACKWARD (the registry's global level), asked about latest}. */
  public String describe() {
    String asked = askedVersions.size() == 1 ? "version " + askedVersions.get(0)
        : "versions " + String.join(", ", askedVersions);
    return (compatible ? "compatible" : "INCOMPATIBLE") + " under " + level + " (" + levelSource + "; asked about "
        + asked + ")";
  }
}
