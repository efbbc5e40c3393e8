package dev.handshake.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
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

  @SuppressWarnings("deprecation")
  private static MavenSession sessionIn(File directory, MavenProject project) {
    DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
    request.setBaseDirectory(directory);
    return new MavenSession(null, request, new DefaultMavenExecutionResult(), project);
  }

  @Test
  void namesTheExecutionWhenItHoldsTheConfigurationAndThePomWhenMavenRanElsewhere() {
    MavenProject project = new MavenProject();
    project.setFile(new File("/repo/example-user/pom.xml"));

    MojoExecution inExecution = new MojoExecution(plugin(true), "check", "schema-history");
    assertThat(RerunCommand.of("check", inExecution, project, sessionIn(new File("/repo/example-user"), project)))
        .isEqualTo("mvn handshake:check@schema-history");
    assertThat(RerunCommand.of("check", inExecution, project, sessionIn(new File("/repo"), project)))
        .isEqualTo("mvn -f example-user/pom.xml handshake:check@schema-history");

    MojoExecution pluginLevel = new MojoExecution(plugin(false), "check", "schema-history");
    assertThat(RerunCommand.of("check", pluginLevel, project, sessionIn(new File("/repo/example-user"), project)))
        .isEqualTo("mvn handshake:check");
    // register's hint about check finds the execution that holds check's configuration
    MojoExecution register = new MojoExecution(plugin(true), "register", "default-cli");
    assertThat(RerunCommand.of("check", register, project, sessionIn(new File("/repo/example-user"), project)))
        .isEqualTo("mvn handshake:check@schema-history");
  }
}
