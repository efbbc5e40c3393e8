package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Keeps the committed contracts (e.g. {@code contracts/}) equal to the ones the consumer tests just wrote
 * (e.g. {@code target/pacts/}). {@code check} fails listing each interaction that was added, removed or
 * changed and the command that refreshes the copy; {@code update} copies the files. Comparison ignores the
 * pact file's own {@code metadata} (pact-jvm's version), the name of the test that declared an interaction
 * and the order of interactions, so upgrading pact-jvm or renaming tests does not churn the committed files.
 *
 * <p>The Maven plugin's {@code contracts} goal runs it after the consumer's tests ({@code clean-pacts} empties the
 * generated directory before them, as pact-jvm merges into the files it finds).
 */
public final class ContractSync {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path generatedDir;
  private final Path committedDir;
  private final String refreshCommand;

  public ContractSync(Path generatedDir, Path committedDir, String refreshCommand) {
    this.generatedDir = generatedDir;
    this.committedDir = committedDir;
    this.refreshCommand = refreshCommand;
  }

  /** Throws {@link ContractsOutOfDateException} describing every difference, if there is one. */
  public void check() {
    List<String> problems = new ArrayList<>();
    for (Path generated : generatedFiles()) {
      Path committed = committedDir.resolve(generated.getFileName());
      if (!Files.exists(committed)) {
        problems.add(committed + " does not exist (the consumer tests wrote " + generated + ")");
        continue;
      }
      Map<String, JsonNode> expected = interactions(generated);
      Map<String, JsonNode> actual = interactions(committed);
      for (Map.Entry<String, JsonNode> entry : expected.entrySet()) {
        JsonNode committedInteraction = actual.get(entry.getKey());
        if (committedInteraction == null) {
          problems.add(committed + " lacks interaction " + entry.getKey());
        } else if (!committedInteraction.equals(entry.getValue())) {
          problems.add(committed + " has an outdated interaction " + entry.getKey());
        }
      }
      for (String key : actual.keySet()) {
        if (!expected.containsKey(key)) {
          problems.add(committed + " has interaction " + key + ", which the consumer tests no longer declare");
        }
      }
      if (!Objects.equals(header(generated), header(committed))) {
        problems.add(committed + " names another consumer or provider than " + generated);
      }
    }
    if (!problems.isEmpty()) {
      throw new ContractsOutOfDateException("The committed contracts differ from what the consumer tests "
          + "declare:\n  - " + String.join("\n  - ", problems) + "\nIf the tests are right, refresh the "
          + "committed copy and commit it:\n  " + refreshCommand);
    }
  }

  /** Copies every generated contract over its committed copy; returns the files written. */
  public List<Path> update() {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(committedDir);
      for (Path generated : generatedFiles()) {
        Path committed = committedDir.resolve(generated.getFileName());
        Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
        written.add(committed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy the contracts from " + generatedDir + " to " + committedDir, e);
    }
    return written;
  }

  private List<Path> generatedFiles() {
    if (!Files.isDirectory(generatedDir)) {
      throw new InvalidInputException("No contracts were written to " + generatedDir + ": run the consumer's "
          + "pact tests first (they write <consumer>-<provider>.json there).");
    }
    try (Stream<Path> files = Files.list(generatedDir)) {
      List<Path> contracts = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
      if (contracts.isEmpty()) {
        throw new InvalidInputException("No contracts were written to " + generatedDir + ": run the consumer's "
            + "pact tests first (they write <consumer>-<provider>.json there).");
      }
      return contracts;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + generatedDir, e);
    }
  }

  /** Interactions keyed by description and provider states: what a reader of the diff recognises. */
  private static Map<String, JsonNode> interactions(Path file) {
    Map<String, JsonNode> byKey = new TreeMap<>();
    for (JsonNode interaction : read(file).path("interactions")) {
      String key = "\"" + interaction.path("description").asText() + "\""
          + (interaction.path("providerStates").isEmpty() ? ""
              : " given " + interaction.path("providerStates").findValuesAsText("name"));
      byKey.put(key, withoutTestName(interaction));
    }
    return byKey;
  }

  /** pact-jvm notes which test method declared the interaction last: not part of what the consumer expects. */
  private static JsonNode withoutTestName(JsonNode interaction) {
    ObjectNode copy = interaction.deepCopy();
    if (copy.path("comments") instanceof ObjectNode comments) {
      comments.remove("testname");
      if (comments.isEmpty()) {
        copy.remove("comments");
      }
    }
    return copy;
  }

  private static JsonNode header(Path file) {
    ObjectNode header = read(file).deepCopy();
    header.remove("interactions");
    header.remove("metadata");
    return header;
  }

  private static ObjectNode read(Path file) {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new InvalidInputException(file + " is not a Pact JSON object.");
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new InvalidInputException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The committed contracts no longer say what the consumer tests declare. */
  public static final class ContractsOutOfDateException extends InvalidInputException {
    public ContractsOutOfDateException(String message) {
      super(message);
    }
  }
}
