package dev.handshake.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class RerunCommandTest {

  private static Plugin plugin(boolean configurationInExecution) {
    Plugin plugin = new Plugin();
    plugin.setGroupId("dev.handshake");
    plugin.setArtifactId("handshake-maven-plugin");
    PluginExecution execution = new PluginExecution();
    execution.setId("schema-history");
    execution.addGoal("check");
    if (configurationInExecution) {
      execution.setConfiguration(new Xpp3Dom("configuration"));
    }
    plugin.addExecution(execution);
    return plugin;
  }

  @Test
  void namesTheExecutionWhenItHoldsTheConfigurationAndThePomWhenMavenWasStartedElsewhere() {
    MavenProject project = new MavenProject();
    project.setFile(new File("/repo/example-user/pom.xml"));

    MojoExecution inExecution = new MojoExecution(plugin(true), "check", "schema-history");
    assertThat(RerunCommand.of("check", inExecution, project, Path.of("/repo/example-user")))
        .isEqualTo("mvn handshake:check@schema-history");
    // ./mvnw -f example-user/pom.xml verify, typed in /repo: Maven's root is example-user, the user is in /repo
    assertThat(RerunCommand.of("check", inExecution, project, Path.of("/repo")))
        .isEqualTo("mvn -f example-user/pom.xml handshake:check@schema-history");

    MojoExecution pluginLevel = new MojoExecution(plugin(false), "check", "schema-history");
    assertThat(RerunCommand.of("check", pluginLevel, project, Path.of("/repo/example-user")))
        .isEqualTo("mvn handshake:check");
    // register's hint about check finds the execution that holds check's configuration
    MojoExecution register = new MojoExecution(plugin(true), "register", "default-cli");
    assertThat(RerunCommand.of("check", register, project, Path.of("/repo/example-user")))
        .isEqualTo("mvn handshake:check@schema-history");
  }

  @Test
  void aLifecycleRunNamesThePomOnlyWhenMavenWasStartedElsewhere() {
    MavenProject project = new MavenProject();
    project.setFile(new File("/repo/example-auth/pom.xml"));

    assertThat(RerunCommand.lifecycle("verify -Dhandshake.updateContracts=true", project, Path.of("/repo")))
        .isEqualTo("mvn -f example-auth/pom.xml verify -Dhandshake.updateContracts=true");
    assertThat(RerunCommand.lifecycle("verify", project, Path.of("/repo/example-auth"))).isEqualTo("mvn verify");
  }
}
