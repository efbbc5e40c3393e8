package dev.handshake.core.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.report.Finding;
import dev.handshake.core.report.FindingJson;
import dev.handshake.core.report.GitHubAnnotationsWriter;
import dev.handshake.core.report.JUnitXmlReportWriter;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.report.TextReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the gate's four reports: {@code verify.txt} (one {@code file:line:col: [RULE] ...} line per finding),
 * {@code verify.json}, {@code verify.github.txt} (GitHub Actions annotations) and
 * {@code TEST-handshake-verify.xml} (JUnit XML, one case per interaction), the last where CI tools collect test
 * results (the Maven goal's default: {@code target/surefire-reports}).
 */
public final class GateReportFiles {
  public static final String TEXT = "verify.txt";
  public static final String JSON = "verify.json";
  public static final String JUNIT = "TEST-handshake-verify.xml";
  /** GitHub Actions annotations; a workflow step that prints this file annotates the changed lines. */
  public static final String GITHUB = "verify.github.txt";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GateReportFiles() {
  }

  public static List<Path> write(GateReport report, Path directory) throws IOException {
    return write(report, directory, directory, Optional::of, RuleDocs.DEFAULT);
  }

  /**
   * @param junitDirectory where the JUnit XML goes
   * @param repositoryPath a finding's file as the repository root names it (GitHub resolves annotation paths
   *                       from there), empty when it is not a file in the repository
   * @param docs           where findings link their rule's page
   * @return the text, JSON, JUnit XML and GitHub annotation files, in this order
   */
  public static List<Path> write(GateReport report, Path directory, Path junitDirectory,
                                 Function<String, Optional<String>> repositoryPath, RuleDocs docs)
      throws IOException {
    Files.createDirectories(directory);
    Files.createDirectories(junitDirectory);
    Path text = directory.resolve(TEXT);
    Path json = directory.resolve(JSON);
    Path junit = junitDirectory.resolve(JUNIT);
    Files.writeString(text, text(report, docs), StandardCharsets.UTF_8);
    Files.writeString(json, MAPPER.writeValueAsString(json(report, docs)) + "\n", StandardCharsets.UTF_8);
    Files.writeString(junit, junit(report, docs), StandardCharsets.UTF_8);
    Path github = directory.resolve(GITHUB);
    Files.writeString(github, GitHubAnnotationsWriter.lines(report.findings(), repositoryPath, docs), StandardCharsets.UTF_8);
    return List.of(text, json, junit, github);
  }

  public static String summary(GateReport report) {
    return "Handshake verify: " + report.contracts() + " contract(s), " + report.interactions() + " interaction(s)"
        + (report.skippedContracts() > 0 ? ", " + report.skippedContracts() + " contract(s) for other providers "
        + "skipped" : "") + ": " + report.count(Severity.ERROR) + " error(s), " + report.count(Severity.WARNING)
        + " warning(s).";
  }

  public static String text(GateReport report) {
    return text(report, RuleDocs.DEFAULT);
  }

  public static String text(GateReport report, RuleDocs docs) {
    return TextReportWriter.lines(report.findings(), docs) + summary(report) + System.lineSeparator();
  }

  public static ObjectNode json(GateReport report) {
    return json(report, RuleDocs.DEFAULT);
  }

  public static ObjectNode json(GateReport report, RuleDocs docs) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("passed", !report.hasErrors());
    root.put("contracts", report.contracts());
    root.put("skippedContracts", report.skippedContracts());
    root.put("interactions", report.interactions());
    root.put("errors", report.count(Severity.ERROR));
    root.put("warnings", report.count(Severity.WARNING));
    ArrayNode checks = root.putArray("checks");
    for (GateReport.Check check : report.checks()) {
      ObjectNode node = checks.addObject();
      node.put("consumer", check.consumer());
      node.put("contract", check.contractFile());
      node.put("interaction", check.description());
      node.put("passed", check.findings().stream().noneMatch(Finding::isError));
    }
    ArrayNode findings = root.putArray("findings");
    report.findings().forEach(f -> findings.add(FindingJson.toJson(f, docs)));
    return root;
  }

  /** JUnit XML: one test case per interaction, grouped by consumer, with the time each check took. */
  public static String junit(GateReport report) {
    return junit(report, RuleDocs.DEFAULT);
  }

  public static String junit(GateReport report, RuleDocs docs) {
    List<JUnitXmlReportWriter.TestCase> cases = report.checks().stream()
        .map(c -> new JUnitXmlReportWriter.TestCase(
            c.consumer().isEmpty() ? "unreadable contracts" : c.consumer(),
            c.description().isEmpty() ? "contract " + c.contractFile() + " is readable" : c.description(),
            c.findings(), c.time()))
        .toList();
    return JUnitXmlReportWriter.write("handshake-verify", cases, docs);
  }
}
