package dev.handshake.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryPathsTest {
  @TempDir
  Path repo;

  private Path module() throws Exception {
    Path module = Files.createDirectories(repo.resolve("services/user-service"));
    Files.createDirectories(repo.resolve("schemas"));
    Files.writeString(repo.resolve("schemas/UserDeleted.avsc"), "{}");
    return module;
  }

  @Test
  void namesFilesFromTheNearestGitRootAboveTheModule() throws Exception {
    Path module = module();
    Files.writeString(repo.resolve(".git"), "gitdir: elsewhere"); // a worktree's .git is a file
    RepositoryPaths paths = RepositoryPaths.of(module, null, module);
    assertThat(paths.apply("../../schemas/UserDeleted.avsc")).contains("schemas/UserDeleted.avsc");
  }

  @Test
  void aConfiguredRootWinsAndNonFilesAreNotAnnotatedAsFiles() throws Exception {
    Path module = module();
    Files.createDirectories(repo.resolve(".git"));
    RepositoryPaths paths = RepositoryPaths.of(module, repo.resolve("services"), null);
    assertThat(paths.apply(repo.resolve("services/user-service/pom.xml").toString())).isEmpty();
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    assertThat(paths.apply("pom.xml")).contains("user-service/pom.xml");
    assertThat(paths.apply("g:a:1!/contracts/x.json")).isEqualTo(Optional.empty());
    assertThat(paths.apply("../../schemas/UserDeleted.avsc")).isEmpty(); // outside the configured root
  }
}
