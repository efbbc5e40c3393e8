package dev.handshake.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.dsl.PactBuilder;
import au.com.dius.pact.core.model.PactSpecVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.contract.ContractSync;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractSyncTest {
  private static final String REFRESH = "./mvnw -pl example -am verify -Dhandshake.updateContracts=true";

  @TempDir
  Path root;
  Path generated;
  Path committed;

  @BeforeEach
  void writeGeneratedContract() {
    generated = root.resolve("target/pacts");
    committed = root.resolve("contracts");
    AvroMessageInteractionTest.accountClosed().addTo(new PactBuilder("c", "p", PactSpecVersion.V4)).toPact()
        .write(generated.toString(), PactSpecVersion.V4);
  }

  private ContractSync sync() {
    return new ContractSync(generated, committed, REFRESH);
  }

  @Test
  void updateCopiesAndThenCheckPasses() throws IOException {
    assertThat(sync().update()).containsExactly(committed.resolve("c-p.json"));
    assertThat(Files.readString(committed.resolve("c-p.json")))
        .isEqualTo(Files.readString(generated.resolve("c-p.json")));
    sync().check();
  }

  @Test
  void aMissingCommittedContractFailsWithTheRefreshCommand() {
    assertThatThrownBy(() -> sync().check())
        .isInstanceOf(ContractSync.ContractsOutOfDateException.class)
        .hasMessageContaining(committed.resolve("c-p.json") + " does not exist")
        .hasMessageEndingWith(REFRESH);
  }

  @Test
  void aChangedInteractionIsNamed() throws IOException {
    sync().update();
    Path file = committed.resolve("c-p.json");
    Files.writeString(file, Files.readString(file).replace("\"acc-7\"", "\"acc-8\""));
    assertThatThrownBy(() -> sync().check())
        .hasMessageContaining("has an outdated interaction \"an account was closed\" given [account acc-7 exists]");
  }

  @Test
  void anInteractionTheTestsNoLongerDeclareIsNamed() throws IOException {
    sync().update();
    Path file = committed.resolve("c-p.json");
    Files.writeString(file, Files.readString(file).replace("an account was closed", "an account was frozen"));
    assertThatThrownBy(() -> sync().check())
        .hasMessageContaining("lacks interaction \"an account was closed\"")
        .hasMessageContaining("has interaction \"an account was frozen\" given [account acc-7 exists], which the "
            + "consumer tests no longer declare");
  }

  @Test
  void pactJvmsOwnMetadataAndFormattingDoNotCount() throws IOException {
    sync().update();
    Path file = committed.resolve("c-p.json");
    String text = Files.readString(file).replaceAll("\"version\": \"4\\.6\\.17\"", "\"version\": \"4.6.99\"");
    assertThat(text).contains("4.6.99");
    Files.writeString(file, text.replace("\n", "\n  "));
    sync().check();
  }

  @Test
  void theNameOfTheTestThatDeclaredAnInteractionDoesNotCount() throws IOException {
    sync().update();
    Path file = committed.resolve("c-p.json");
    ObjectNode pact = (ObjectNode) new ObjectMapper().readTree(file.toFile());
    ((ObjectNode) pact.path("interactions").get(0)).putObject("comments").put("testname", "SomeTest.renamed()");
    new ObjectMapper().writeValue(file.toFile(), pact);
    sync().check();

    ((ObjectNode) pact.path("interactions").get(0).path("comments")).put("text", "a real comment");
    new ObjectMapper().writeValue(file.toFile(), pact);
    assertThatThrownBy(() -> sync().check()).hasMessageContaining("has an outdated interaction");
  }

  @Test
  void noGeneratedContractsMeansTheTestsDidNotRun() throws IOException {
    Path empty = Files.createDirectories(root.resolve("empty"));
    assertThatThrownBy(() -> new ContractSync(empty, committed, REFRESH).check())
        .hasMessageContaining("No contracts were written to " + empty);
  }
}
