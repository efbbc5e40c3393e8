package dev.handshake.core.history;

import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.SimilarNames;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.CompatibilityTestResult;
import dev.handshake.core.registry.ReferenceResolver;
import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.SchemaNotFoundException;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.registry.SubjectNotFoundException;
import dev.handshake.core.registry.VersionNotFoundException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A read-only registry over a {@code schemas/} directory kept in version control, for checks without a
 * network: {@code history/<subject>/v<N>.avsc} are the registered versions (N from 1, oldest first) and
 * {@code compatibility.properties} holds {@code default=LEVEL} and {@code <subject>=LEVEL}. Files carry no
 * registry ids, so every version reports id 0. A version that uses named types registered under other subjects
 * lists them in {@code history/<subject>/vN.references.json} (the registry's {@code references} array).
 */
public final class LocalSchemaRegistry implements SchemaRegistry {
  private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");
  static final String PROPERTIES = "compatibility.properties";
  static final String DEFAULT_KEY = "default";

  private final Path directory;
  private final String displayDirectory;
  private final SchemaLoader loader = new SchemaLoader();

  public LocalSchemaRegistry(Path directory) {
    this(directory, directory.toString());
  }

  /**
   * @param displayDirectory how findings and messages name the directory, e.g. relative to the project so CI
   *     annotations link the file; files are still read from {@code directory}
   */
  public LocalSchemaRegistry(Path directory, String displayDirectory) {
    this.directory = directory;
    this.displayDirectory = displayDirectory;
    if (Files.isRegularFile(directory)) {
      throw new InvalidInputException("schemas directory " + directory + " is a file, not a directory; give the "
          + "directory that holds history/<subject>/vN.avsc (and compatibility.properties)");
    }
    if (!Files.isDirectory(directory)) {
      throw new InvalidInputException("schemas directory " + directory + " does not exist; create it with "
          + "history/<subject>/v1.avsc files, or give a registry URL instead");
    }
    if (!Files.isDirectory(directory.resolve("history"))) {
      // Without any history every subject would look new and every check would pass: that is no check.
      throw new InvalidInputException("schemas directory " + directory + " has no history/ directory, so there is "
          + "nothing to check against; write the registered versions there with 'handshake download --registry URL "
          + "--all-versions --output " + directory + "' (history/<subject>/vN.avsc), or create an empty "
          + directory.resolve("history") + " if no subject has been registered yet");
    }
  }

  public Path directory() {
    return directory;
  }

  @Override
  public String describe() {
    return displayDirectory;
  }

  @Override
  public List<String> subjects() {
    Path history = directory.resolve("history");
    if (!Files.isDirectory(history)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(history)) {
      return entries.filter(Files::isDirectory).map(p -> SubjectFileNames.decode(p.getFileName().toString()))
          .filter(subject -> !versionFiles(subject).isEmpty()).sorted().toList();
    } catch (IOException e) {
      throw new HandshakeIOException("cannot list " + history, e);
    }
  }

  /**
   * Offline, a subject without history may be a typo: refused when a subject with history has a similar name
   * (unless {@code history/<subject>/} exists, which declares it new), else a note naming the known subjects.
   */
  @Override
  public Optional<String> newSubjectNote(String subject) {
    List<String> known = subjects();
    if (Files.isDirectory(subjectDirectory(subject))) {
      return Optional.empty();
    }
    List<String> similar = SimilarNames.closeTo(subject, known);
    if (!similar.isEmpty()) {
      throw new InvalidInputException("subject \"" + subject + "\" has no history in " + describe()
          + "/history; did you mean " + SimilarNames.quoted(similar) + "? Subjects with history there: "
          + SimilarNames.quoted(known) + ". If \"" + subject + "\" really is a new subject, create the empty "
          + "directory " + subjectDirectory(subject) + " to say so.");
    }
    return Optional.of("subjects with history in " + describe() + ": "
        + (known.isEmpty() ? "none" : SimilarNames.quoted(known)));
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> versions = versionFiles(subject);
    if (versions.isEmpty()) {
      throw new SubjectNotFoundException(describe(), 404, 40401, "subject \"" + subject + "\" has no versions in "
          + subjectDirectory(subject) + " (no v1.avsc, v2.avsc, ...); it is a new subject offline");
    }
    return versions;
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    Path file = versionFile(subject, version);
    if (!Files.isRegularFile(file)) {
      versions(subject);
      throw new VersionNotFoundException(describe(), 404, 40402, "subject \"" + subject + "\" has no version "
          + version + ": " + file + " does not exist");
    }
    try {
      return new RegisteredSchema(subject, version, 0, Files.readString(file, StandardCharsets.UTF_8),
          ReferenceFiles.read(file));
    } catch (IOException e) {
      throw new HandshakeIOException("cannot read " + file, e);
    }
  }

  @Override
  public RegisteredSchema latest(String subject) {
    List<Integer> versions = versions(subject);
    return version(subject, versions.get(versions.size() - 1));
  }

  @Override
  public RegistrySchema schemaById(int id) {
    throw new SchemaNotFoundException(describe(), 404, 40403, "schema id " + id + ": the offline schemas directory "
        + describe() + " has no registry ids; ask the registry itself (--registry URL)");
  }

  @Override
  public int register(String subject, RegistrySchema schema) {
    throw readOnly("register a schema for subject \"" + subject + "\"");
  }

  @Override
  public Optional<RegisteredSchema> lookup(String subject, RegistrySchema schema) {
    String wanted = loader.parse("lookup", schema.schema(), new ReferenceResolver(this).resolve(
        schema.references())).schema().toString();
    for (int version : versionFiles(subject)) {
      RegisteredSchema registered = version(subject, version);
      if (parse(registered).schema().toString().equals(wanted)) {
        return Optional.of(registered);
      }
    }
    return Optional.empty();
  }

  /**
   * Never asked: {@link #judgesCompatibility()} is false, because an offline history has no verdict of its own
   * and Handshake's engine has already judged the candidate against it.
   */
  @Override
  public CompatibilityTestResult testCompatibility(String subject, String version, RegistrySchema schema) {
    throw new UnsupportedOperationException("an offline history has no compatibility verdict of its own; "
        + "SubjectCheck runs Handshake's engine on it");
  }

  @Override
  public boolean servesFiles() {
    return true;
  }

  @Override
  public boolean judgesCompatibility() {
    return false;
  }

  @Override
  public CompatibilityLevel globalCompatibility() {
    String level = properties().getProperty(DEFAULT_KEY);
    return level == null ? CompatibilityLevel.BACKWARD
        : CompatibilityLevel.parse(level, "\"default\" in " + directory.resolve(PROPERTIES));
  }

  @Override
  public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    String level = properties().getProperty(subject);
    return level == null ? Optional.empty()
        : Optional.of(CompatibilityLevel.parse(level, "\"" + subject + "\" in " + directory.resolve(PROPERTIES)));
  }

  @Override
  public void setGlobalCompatibility(CompatibilityLevel level) {
    throw readOnly("set the global compatibility level");
  }

  @Override
  public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
    throw readOnly("set the compatibility level of subject \"" + subject + "\"");
  }

  @Override
  public void deleteSubjectCompatibility(String subject) {
    throw readOnly("delete the compatibility level of subject \"" + subject + "\"");
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    throw readOnly("delete subject \"" + subject + "\"");
  }

  @Override
  public int deleteVersion(String subject, int version, boolean permanent) {
    throw readOnly("delete version " + version + " of subject \"" + subject + "\"");
  }

  @Override
  public String sourceOf(String subject, int version) {
    return Path.of(displayDirectory).resolve(directory.relativize(versionFile(subject, version))).toString();
  }

  private SchemaFile parse(RegisteredSchema registered) {
    return loader.parse(sourceOf(registered.subject(), registered.version()), registered.schema(),
        new ReferenceResolver(this).resolve(registered.references()));
  }

  /** {@code history/<subject>/}, the subject's name encoded as {@code download} writes it ({@code a/b}: {@code a_x2Fb}). */
  private Path subjectDirectory(String subject) {
    if (subject.isEmpty()) {
      throw new InvalidInputException("an empty subject name has no directory under " + directory.resolve("history"));
    }
    return directory.resolve("history").resolve(SubjectFileNames.encode(subject));
  }

  private Path versionFile(String subject, int version) {
    return subjectDirectory(subject).resolve("v" + version + ".avsc");
  }

  private List<Integer> versionFiles(String subject) {
    Path subjectDirectory = subjectDirectory(subject);
    if (!Files.isDirectory(subjectDirectory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(subjectDirectory)) {
      List<Integer> versions = new ArrayList<>();
      files.forEach(file -> {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          versions.add(Integer.parseInt(matcher.group(1)));
        }
      });
      versions.sort(null);
      return versions;
    } catch (IOException e) {
      throw new HandshakeIOException("cannot list " + subjectDirectory, e);
    }
  }

  /**
   * Every entry of {@code directory}'s compatibility.properties as written ({@code default} and subjects); none when
   * it is absent.
   */
  static Map<String, String> levelEntries(Path directory) {
    Properties properties = properties(directory);
    Map<String, String> entries = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
    return entries;
  }

  private Properties properties() {
    return properties(directory);
  }

  private static Properties properties(Path directory) {
    Properties properties = new Properties();
    Path file = directory.resolve(PROPERTIES);
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new HandshakeIOException("cannot read " + file, e);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("cannot read " + file + ": " + e.getMessage()
            + ". It holds lines default=LEVEL and <subject>=LEVEL.", e);
      }
    }
    return properties;
  }

  private InvalidInputException readOnly(String action) {
    return new InvalidInputException("cannot " + action + " in the offline schemas directory " + directory
        + ": it is read-only here. Add history/<subject>/v<N>.avsc or edit " + PROPERTIES
        + " in version control, or pass a registry URL.");
  }
}
