package dev.handshake.maven;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RestSchemaRegistry;
import java.util.LinkedHashMap;
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
    RestSchemaRegistry registry = restRegistry("set-compatibility");
    for (Map.Entry<String, String> entry : compatibilityLevels.entrySet()) {
      String subject = entry.getKey();
      String value = entry.getValue() == null ? "" : entry.getValue().trim();
      if ("DEFAULT".equalsIgnoreCase(value) && !GLOBAL.equals(subject)) {
        registry.deleteSubjectCompatibility(subject);
        getLog().info("subject " + subject + " now follows the global level at " + registry.describe());
        continue;
      }
      CompatibilityLevel level = CompatibilityLevel.parse(value, "<compatibilityLevels><" + subject + ">");
      if (GLOBAL.equals(subject)) {
        registry.setGlobalCompatibility(level);
        getLog().info("global level set to " + level + " at " + registry.describe());
      } else {
        registry.setSubjectCompatibility(subject, level);
        getLog().info("level of subject " + subject + " set to " + level + " at " + registry.describe());
      }
    }
  }
}
