package dev.handshake.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.files.ProjectPaths;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.artifact.Artifact;
import org.junit.jupiter.api.Test;

class ContractArtifactsTest {

  @Test
  void readsGroupArtifactVersionThenOptionalClassifierAndType() throws Exception {
    Artifact plain = ContractArtifacts.parse("dev.example:auth-contracts:1.4.0");
    assertThat(plain.getExtension()).isEqualTo("jar");
    assertThat(plain.getClassifier()).isEmpty();
    assertThat(plain.getVersion()).isEqualTo("1.4.0");

    Artifact zip = ContractArtifacts.parse("dev.example:auth-service:1.4.0:contracts:zip");
    assertThat(zip.getClassifier()).isEqualTo("contracts");
    assertThat(zip.getExtension()).isEqualTo("zip");

    assertThat(ContractArtifacts.parse("dev.example:auth-service:1.4.0::json").getExtension()).isEqualTo("json");
  }

  @Test
  void namesTheParameterAndTheExpectedFormWhenMalformed() {
    assertThatThrownBy(() -> ContractArtifacts.parse("dev.example:auth-contracts"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<contractArtifacts>")
        .hasMessageContaining("groupId:artifactId:version[:classifier][:type]");
    assertThatThrownBy(() -> ContractArtifacts.parse("dev.example:auth-contracts:1.0:x:war"))
        .hasMessageContaining("jar, zip or json");
  }

  @Test
  void showsAContractsDirectoryBesideTheProjectRelativeToIt() {
    java.nio.file.Path project = java.nio.file.Path.of("/work/example-user");

    assertThat(ProjectPaths.display(java.nio.file.Path.of("/work/contracts/a.json"), project))
        .isEqualTo("../contracts/a.json");
    assertThat(ProjectPaths.display(java.nio.file.Path.of("/work/example-user/contracts/a.json"), project))
        .isEqualTo("contracts/a.json");
  }
}
