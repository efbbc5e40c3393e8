package dev.handshake.example.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * Run by the build after the Handshake gate (exec:java in the verify phase, declared after the plugin): the gate
 * must have written target/handshake/usage.md and usage.json, and usage.json must name each consumer as a
 * reader of every field its reader schema has. The expectation is computed here from the contracts themselves
 * (their recorded reader schemas, read with Avro), not from Handshake's code, so the check can fail.
 *
 * <p>Arguments: the report directory, then the contract files.
 */
public final class UsageReportCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UsageReportCheck() {
  }

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args[0]);
    Path markdown = reports.resolve("usage.md");
    if (!Files.isRegularFile(markdown) || !Files.readString(markdown).startsWith("## Handshake field usage")) {
      throw new AssertionError("the Handshake gate wrote no field-usage summary at " + markdown);
    }
    JsonNode usage = JSON.readTree(reports.resolve("usage.json").toFile());
    Set<String> listed = new TreeSet<>();
    for (JsonNode field : usage.get("fields")) {
      for (JsonNode use : field.get("consumers")) {
        listed.add(use.get("consumer").asText() + " reads " + field.get("subject").asText() + " "
            + field.get("path").asText());
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      expected.addAll(readerFields(Path.of(args[i])));
    }
    if (expected.isEmpty()) {
      throw new AssertionError("no reader schema in the contracts " + List.of(args).subList(1, args.length));
    }
    List<String> missing = expected.stream().filter(e -> !listed.contains(e)).distinct().toList();
    if (!missing.isEmpty()) {
      throw new AssertionError(reports.resolve("usage.json") + " does not list: " + missing + "; it lists " + listed);
    }
    System.out.println("usage.json names the reader of each of the " + expected.stream().distinct().count()
        + " field(s) in the consumers' reader schemas.");
  }

  /** {@code auth-service reads dev.handshake.example.user.UserDeleted $.email} for each top-level reader field. */
  private static List<String> readerFields(Path contract) throws IOException {
    JsonNode pact = JSON.readTree(contract.toFile());
    String consumer = pact.get("consumer").get("name").asText();
    List<String> fields = new ArrayList<>();
    for (JsonNode interaction : pact.get("interactions")) {
      Schema reader = new Schema.Parser().parse(interaction.get("metadata").get("handshake.readerSchema").asText());
      for (Schema.Field field : reader.getFields()) {
        fields.add(consumer + " reads " + reader.getFullName() + " $." + field.name());
      }
    }
    return fields;
  }
}
