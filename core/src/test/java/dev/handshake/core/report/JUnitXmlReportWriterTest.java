package dev.handshake.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.source.Location;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlReportWriterTest {

  @Test
  void classNamesHaveNoDotsOrSlashesAndTimesAreReal() throws Exception {
    Finding failure = TestFindings.finding(Rule.CONSUMER_CANNOT_DECODE, new Location("contracts/auth.json", 3, 5, ""), "Could not decode.", "Keep the field.");
    String xml = JUnitXmlReportWriter.write("handshake-verify", List.of(
        new JUnitXmlReportWriter.TestCase("com.acme/auth-service", "a user was deleted", List.of(failure),
            Duration.ofMillis(1250)),
        new JUnitXmlReportWriter.TestCase("billing", "a user was created", List.of(), Duration.ofNanos(4_000_000))),
        Instant.parse("2026-11-30T12:00:00.5Z"), RuleDocs.DEFAULT);

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suite = doc.getDocumentElement();
    assertThat(suite.getAttribute("time")).isEqualTo("1.254");
    assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-30T12:00:00");
    Element first = (Element) suite.getElementsByTagName("testcase").item(0);
    assertThat(first.getAttribute("classname")).isEqualTo("com_acme_auth-service");
    assertThat(first.getAttribute("time")).isEqualTo("1.250");
    assertThat(first.getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(((Element) suite.getElementsByTagName("testcase").item(1)).getAttribute("time")).isEqualTo("0.004");
  }
}
