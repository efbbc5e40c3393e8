package dev.handshake.maven;

import dev.handshake.core.tasks.SetCompatibilityConfiguration;
import dev.handshake.core.tasks.SetCompatibilityTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sets compatibility levels: {@code compatibilityLevels} maps a subject (or {@code __GLOBAL}, as in Confluent's
 * plugin) to a level; the level {@code DEFAULT} removes a subject's own level so the global one applies.
 */
@Mojo(name = "set-compatibility", threadSafe = true)
public class SetCompatibilityMojo extends AbstractRegistryMojo {
  static final String GLOBAL = "__GLOBAL";

  @Parameter
  Map<String, String> compatibilityLevels = new LinkedHashMap<>();

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (compatibilityLevels == null || compatibilityLevels.isEmpty()) {
      throw new MojoFailureException("handshake:set-compatibility has no <compatibilityLevels>: add "
          + "<compatibilityLevels><my.Subject>FULL_TRANSITIVE</my.Subject></compatibilityLevels> ("
          + GLOBAL + " for the global level)");
    }
    List<SetCompatibilityConfiguration.Change> changes = new ArrayList<>();
    compatibilityLevels.forEach((subject, level) -> changes.add(new SetCompatibilityConfiguration.Change(
        GLOBAL.equals(subject) ? null : subject, level, "<compatibilityLevels><" + subject + ">")));
    new SetCompatibilityTask(new SetCompatibilityConfiguration(restRegistry("set-compatibility"), changes),
        taskLog()).run();
  }
}
