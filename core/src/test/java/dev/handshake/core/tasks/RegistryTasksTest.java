package dev.handshake.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.history.LocalSchemaRegistry;
import dev.handshake.core.history.SchemaDownloader;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.schema.SchemaLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, download and set-compatibility as tasks, on an offline history (a real {@link LocalSchemaRegistry}). */
class RegistryTasksTest {
  private static final String V1 = """
      {"type":"record","name":"Account","namespace":"dev.example","fields":[{"name":"id","type":"string"}]}""";
  private static final String ADDED_WITHOUT_DEFAULT = """
      {"type":"record","name":"Account","namespace":"dev.example","fields":[{"name":"id","type":"string"},
       {"name":"email","type":"string"}]}""";

  @TempDir
  Path dir;

  private final List<String> infos = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final TaskLog log = TaskLog.of(infos::add, errors::add, errors::add);

  @BeforeEach
  void history() throws Exception {
    Files.createDirectories(dir.resolve("history/dev.example.Account"));
    Files.writeString(dir.resolve("history/dev.example.Account/v1.avsc"), V1);
    Files.writeString(dir.resolve("compatibility.properties"), "default=BACKWARD\n");
  }

  @Test
  void checkPrintsEachFindingOnceAndChecksEveryCandidateBeforeTheVerdict() {
    LocalSchemaRegistry registry = new LocalSchemaRegistry(dir);
    SchemaLoader loader = new SchemaLoader();
    CheckOutcome outcome = new CheckTask(new CheckConfiguration(registry, List.of(
        new CheckConfiguration.Candidate("dev.example.Account", loader.parse("Account.avsc", ADDED_WITHOUT_DEFAULT,
            List.of()), List.of(), null),
        new CheckConfiguration.Candidate("dev.example.New", loader.parse("New.avsc", V1, List.of()), List.of(), null)),
        Optional.empty(), RuleDocs.DEFAULT), log).run();

    assertThat(outcome.refusedSubjects()).containsExactly("dev.example.Account");
    assertThat(outcome.findings()).extracting(finding -> finding.rule().name())
        .containsExactly("FIELD_ADDED_WITHOUT_DEFAULT");
    assertThat(outcome.refusal()).contains("1 compatibility finding in subject dev.example.Account");
    assertThat(errors).filteredOn(line -> line.contains("[FIELD_ADDED_WITHOUT_DEFAULT]")).hasSize(1);
    assertThat(errors).last().asString().startsWith("INCOMPATIBLE: candidate v2 (Account.avsc)");
    assertThat(infos).anyMatch(line -> line.startsWith("compatible: subject \"dev.example.New\" has no versions"));
  }

  @Test
  void downloadWritesTheOthersAndThenFailsNamingEverySkippedSubject() {
    DownloadConfiguration config = new DownloadConfiguration(new LocalSchemaRegistry(dir),
        List.of("dev.example.Account", "nobody"), List.of(), "--subject", null, true, dir.resolve("out"));

    assertThatThrownBy(() -> new DownloadTask(config, log).run()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("skipped 1 of 2 subjects");
    assertThat(dir.resolve("out/history/dev.example.Account/v1.avsc")).isRegularFile();
    assertThat(infos).hasSize(2);
    assertThat(infos.get(0)).startsWith("downloaded " + dir.resolve("out/history"));
    assertThat(infos.get(1)).startsWith("downloaded the compatibility levels to "
        + dir.resolve("out/compatibility.properties"));
    assertThat(errors).singleElement().asString().startsWith("skipped subject \"nobody\": ");
  }

  @Test
  void downloadByPatternFailsWhenNoSubjectMatches() {
    DownloadConfiguration config = new DownloadConfiguration(new LocalSchemaRegistry(dir), List.of(),
        List.of("orders-.*"), "<subjectPatterns>", null, false, dir.resolve("out"));

    assertThatThrownBy(() -> new DownloadTask(config, log).run()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no subject at").hasMessageContaining("matches <subjectPatterns> [orders-.*]");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void downloadByPatternWritesTheLatestOfEachMatch() {
    List<SchemaDownloader.Downloaded> written = new DownloadTask(new DownloadConfiguration(
        new LocalSchemaRegistry(dir), List.of(), List.of("dev\\..*"), "<subjectPatterns>", null, false,
        dir.resolve("out")), log).run();

    assertThat(written).extracting(SchemaDownloader.Downloaded::file)
        .containsExactly(dir.resolve("out/dev.example.Account.avsc"));
  }

  @Test
  void setCompatibilityReadsEveryLevelBeforeSettingAny() {
    // The offline history refuses every change: reaching the first set would fail with "read-only" instead.
    SetCompatibilityConfiguration config = new SetCompatibilityConfiguration(new LocalSchemaRegistry(dir), List.of(
        new SetCompatibilityConfiguration.Change("a", "BACKWARD", "<compatibilityLevels><a>"),
        new SetCompatibilityConfiguration.Change("b", "BACKWARDS", "<compatibilityLevels><b>")));

    assertThatThrownBy(() -> new SetCompatibilityTask(config, log).run()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("<compatibilityLevels><b>").hasMessageNotContaining("read-only");
    assertThat(infos).isEmpty();
  }

  @Test
  void setCompatibilityRefusesDefaultForTheGlobalLevel() {
    SetCompatibilityConfiguration config = new SetCompatibilityConfiguration(new LocalSchemaRegistry(dir),
        List.of(SetCompatibilityConfiguration.Change.global("DEFAULT", "<compatibilityLevels><__GLOBAL>")));

    assertThatThrownBy(() -> new SetCompatibilityTask(config, log).run()).isInstanceOf(InvalidInputException.class)
        .hasMessage("<compatibilityLevels><__GLOBAL>: DEFAULT only applies to a subject; give the global level itself");
  }
}
