package dev.handshake.core.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.rules.RuleDocs;

/** The JSON shape of a finding, shared by every JSON report Handshake writes. */
public final class FindingJson {
  private FindingJson() {
  }

  public static ObjectNode toJson(Finding finding) {
    return toJson(finding, RuleDocs.DEFAULT);
  }

  public static ObjectNode toJson(Finding finding, RuleDocs docs) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("rule", finding.rule().name());
    node.put("severity", finding.severity().name());
    node.put("message", finding.message());
    node.put("location", finding.location().render());
    node.put("file", finding.location().file());
    node.put("line", finding.location().line());
    node.put("column", finding.location().column());
    node.put("pointer", finding.location().jsonPointer());
    node.put("fix", finding.fix());
    node.put("docs", docs.url(finding.rule()));
    node.put("purpose", finding.rule().purpose());
    finding.details().forEach(node::put);
    return node;
  }
}
