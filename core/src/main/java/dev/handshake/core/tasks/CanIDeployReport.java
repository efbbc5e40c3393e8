package dev.handshake.core.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.report.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The answer of can-i-deploy: a short table for the console and can-i-deploy.json for tools. */
final class CanIDeployReport {
  private static final String[] HEADER = {"COUNTERPART", "VERSION", "ROLE", "VERDICT", "DETAIL"};

  private CanIDeployReport() {
  }

  /** One line per counterpart, columns aligned. */
  static List<String> table(List<Counterpart> answers) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Counterpart answer : answers) {
      rows.add(new String[] {answer.name(), answer.version(), answer.role().label(), answer.verdict().label(),
          answer.detail()});
    }
    int[] widths = new int[HEADER.length - 1];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      lines.add(line.append(row[widths.length]).toString());
    }
    return lines;
  }

  static void writeJson(Path file, CanIDeployConfiguration config, List<Counterpart> answers, boolean deployable,
                        String summary) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("service", config.service());
    root.put("version", config.version());
    root.put("environment", config.environment());
    root.put("deployable", deployable);
    root.put("ignoreUnknown", config.ignoreUnknown());
    ArrayNode counterparts = root.putArray("counterparts");
    for (Counterpart answer : answers) {
      ObjectNode node = counterparts.addObject();
      node.put("name", answer.name());
      node.put("version", answer.version());
      node.put("role", answer.role().label());
      node.put("verdict", answer.verdict().label());
      node.put("detail", answer.detail());
      ArrayNode findings = node.putArray("findings");
      for (Finding finding : answer.findings()) {
        ObjectNode f = findings.addObject();
        f.put("rule", finding.rule().name());
        f.put("severity", finding.severity().name());
        f.put("file", finding.location().file());
        f.put("message", finding.message());
        f.put("fix", finding.fix());
      }
    }
    root.put("summary", summary);
    Files.createDirectories(file.getParent());
    Files.writeString(file, mapper.writeValueAsString(root) + "\n");
  }
}
