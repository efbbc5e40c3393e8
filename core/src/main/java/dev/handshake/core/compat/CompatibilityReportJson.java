package dev.handshake.core.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.report.Finding;
import dev.handshake.core.report.FindingJson;

/** {@code {"compatible":bool,"level":"...","findings":[...],"notes":[...]}}: the CLI's stable JSON output. */
public final class CompatibilityReportJson {
  private CompatibilityReportJson() {
  }

  public static ObjectNode toJson(CompatibilityReport report) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("compatible", report.compatible());
    root.put("level", report.level().name());
    root.put("versionsCompared", report.versionsCompared());
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : report.findings()) {
      findings.add(FindingJson.toJson(finding));
    }
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    return root;
  }
}
