package dev.handshake.core.registry;

import dev.handshake.core.compat.CompatibilityLevel;
import java.util.List;
import java.util.Optional;

/**
 * The operations Handshake needs from a schema registry, in the Confluent API's terms. Implemented over HTTP
 * by {@link RestSchemaRegistry} (Confluent, Apicurio ccompat, Karapace, Redpanda, {@code handshake registry
 * serve}) and read-only over a directory by the offline store ({@code history.LocalSchemaRegistry}).
 *
 * <p>Errors are typed: {@link SubjectNotFoundException}, {@link VersionNotFoundException},
 * {@link SchemaNotFoundException}, {@link IncompatibleSchemaException}, {@link RegistryInvalidSchemaException},
 * {@link InvalidVersionException}, {@link InvalidCompatibilityLevelException},
 * {@link RegistryAuthenticationException} (all {@link RegistryException}, i.e. input a user can fix) and
 * {@link RegistryUnavailableException} / {@link RegistryServerException} (the registry could not answer).
 */
public interface SchemaRegistry {

  /** Where this registry is, for messages: a URL or a directory. */
  String describe();

  /** Subjects that have at least one live (not deleted) version. */
  List<String> subjects();

  /** Live version numbers of a subject, ascending; {@link SubjectNotFoundException} when it has none. */
  List<Integer> versions(String subject);

  RegisteredSchema version(String subject, int version);

  RegisteredSchema latest(String subject);

  RegistrySchema schemaById(int id);

  /** Registers a schema under a subject and returns its global id; an identical schema keeps its id. */
  int register(String subject, RegistrySchema schema);

  /** The version of {@code subject} whose schema is identical to {@code schema}, if there is one. */
  Optional<RegisteredSchema> lookup(String subject, RegistrySchema schema);

  /**
   * The registry's own compatibility verdict for {@code schema}.
   *
   * @param version a version number or {@code "latest"} to compare with that version only, or null to compare
   *     with every version the subject's level says (Confluent 7.x {@code /versions} endpoint)
   */
  CompatibilityTestResult testCompatibility(String subject, String version, RegistrySchema schema);

  /**
   * Called when a check finds no versions of {@code subject}: a note for the report (e.g. which subjects do
   * exist), or an {@link dev.handshake.core.InvalidInputException} when the name looks like a typo of one.
   */
  default Optional<String> newSubjectNote(String subject) {
    return Optional.empty();
  }

  /** True when {@link #sourceOf} names files on disk, whose lines and columns findings can point at. */
  default boolean servesFiles() {
    return false;
  }

  /**
   * Whether {@link #testCompatibility} is the verdict of a registry that registrations meet, worth asking
   * beside Handshake's engine; false offline, where it would only repeat the engine.
   */
  default boolean judgesCompatibility() {
    return true;
  }

  CompatibilityLevel globalCompatibility();

  /** The subject's own level, or empty when it has none and the global level applies. */
  Optional<CompatibilityLevel> subjectCompatibility(String subject);

  /** The level the registry applies to {@code subject}: its own, else the global one. */
  default CompatibilityLevel effectiveCompatibility(String subject) {
    return subjectCompatibility(subject).orElseGet(this::globalCompatibility);
  }

  void setGlobalCompatibility(CompatibilityLevel level);

  void setSubjectCompatibility(String subject, CompatibilityLevel level);

  /** Removes the subject's own level so the global level applies again. */
  void deleteSubjectCompatibility(String subject);

  /** Soft-deletes a subject, or with {@code permanent} removes an already soft-deleted one; returns its versions. */
  List<Integer> deleteSubject(String subject, boolean permanent);

  int deleteVersion(String subject, int version, boolean permanent);

  /** How findings name a registered version: the subject, version and URL, or the file it was read from. */
  default String sourceOf(String subject, int version) {
    return "subject \"" + subject + "\" version " + version + " (" + describe() + "/subjects/" + subject
        + "/versions/" + version + ")";
  }
}
