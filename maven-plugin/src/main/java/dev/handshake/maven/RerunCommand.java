package dev.handshake.maven;

import dev.handshake.core.files.ProjectPaths;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/**
 * The command a hint tells the user to run. A bare {@code mvn handshake:check} reads only plugin-level
 * {@code <configuration>}: when the goal's configuration sits inside an {@code <execution>}, the command names it
 * ({@code mvn handshake:check@schema-history}), and when Maven was started in another directory it adds
 * {@code -f <module>/pom.xml}. That directory is the JVM's working directory, not the session's root: with
 * {@code -f example-user/pom.xml} Maven's root is example-user, but the user typed the command one level up, where
 * a bare {@code mvn handshake:...} finds no plugin for the prefix.
 */
final class RerunCommand {
  private RerunCommand() {
  }

  /** The command that runs {@code goal} of this plugin with the configuration the build uses. */
  static String of(String goal, MojoExecution current, MavenProject project, Path invocationDirectory) {
    StringBuilder command = new StringBuilder("mvn ");
    pomOption(project, invocationDirectory).ifPresent(pom -> command.append("-f ").append(pom).append(' '));
    command.append("handshake:").append(goal);
    executionWithOwnConfiguration(goal, current).ifPresent(id -> command.append('@').append(id));
    return command.toString();
  }

  /** {@code mvn [-f <module>/pom.xml] <arguments>}: a lifecycle run of this project, from where Maven was started. */
  static String lifecycle(String arguments, MavenProject project, Path invocationDirectory) {
    return "mvn " + pomOption(project, invocationDirectory).map(pom -> "-f " + pom + " ").orElse("") + arguments;
  }

  private static Optional<String> executionWithOwnConfiguration(String goal, MojoExecution current) {
    Plugin plugin = current == null ? null : current.getPlugin();
    if (plugin == null) {
      return Optional.empty();
    }
    if (goal.equals(current.getGoal())) {
      PluginExecution running = plugin.getExecutionsAsMap().get(current.getExecutionId());
      return running != null && running.getConfiguration() != null
          ? Optional.of(running.getId()) : Optional.empty();
    }
    return plugin.getExecutions().stream()
        .filter(execution -> execution.getGoals().contains(goal) && execution.getConfiguration() != null)
        .map(PluginExecution::getId)
        .findFirst();
  }

  private static Optional<String> pomOption(MavenProject project, Path invocationDirectory) {
    if (project == null || project.getFile() == null || invocationDirectory == null) {
      return Optional.empty();
    }
    Path root = invocationDirectory.toAbsolutePath().normalize();
    Path pom = project.getFile().toPath().toAbsolutePath().normalize();
    if (pom.getParent().equals(root)) {
      return Optional.empty();
    }
    return Optional.of(ProjectPaths.display(pom, root));
  }
}
