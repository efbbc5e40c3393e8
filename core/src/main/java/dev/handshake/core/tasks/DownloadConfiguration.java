package dev.handshake.core.tasks;

import dev.handshake.core.registry.SchemaRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code download} needs from a front end (the {@code download} goal, {@code handshake download}).
 *
 * @param subjects        the subjects to download; when empty, every subject matching {@code subjectPatterns}
 * @param subjectPatterns regular expressions; when empty too, every subject. Patterns that match no subject
 *                        are bad input (they were meant to match something)
 * @param patternsHint    how the front end names the patterns in errors
 * @param version         the version to download, or null for the latest; ignored with {@code allVersions}
 * @param allVersions     every version to {@code outputDirectory/history/<subject>/vN.avsc}, the offline layout
 */
public record DownloadConfiguration(SchemaRegistry registry, List<String> subjects, List<String> subjectPatterns,
                                    String patternsHint, Integer version, boolean allVersions,
                                    Path outputDirectory) {
  public DownloadConfiguration {
    subjects = List.copyOf(subjects);
    subjectPatterns = List.copyOf(subjectPatterns);
  }
}
