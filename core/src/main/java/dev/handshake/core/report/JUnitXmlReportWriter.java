package dev.handshake.core.report;

import dev.handshake.core.rules.RuleDocs;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML (the surefire dialect CI test tabs read): one test case per checked item; each error finding
 * is a {@code <failure>}, each warning a line of {@code <system-out>}.
 */
public final class JUnitXmlReportWriter {
  private JUnitXmlReportWriter() {
  }

  /**
   * A checked item: {@code className} groups cases in CI views (e.g. the consumer), {@code name} is the case,
   * {@code time} how long it took. CI tools split class names at dots into package and class, so dots and
   * slashes in {@code className} become {@code _} ({@code auth-service (contracts/x.json)} split badly).
   */
  public record TestCase(String className, String name, List<Finding> findings, Duration time) {
    public TestCase {
      className = className.replaceAll("[./\\\\]", "_");
      findings = List.copyOf(findings);
    }

    public TestCase(String className, String name, List<Finding> findings) {
      this(className, name, findings, Duration.ZERO);
    }
  }

  public static String write(String suiteName, List<TestCase> cases) {
    return write(suiteName, cases, RuleDocs.DEFAULT);
  }

  public static String write(String suiteName, List<TestCase> cases, RuleDocs docs) {
    return write(suiteName, cases, Instant.now(), docs);
  }

  /** Seconds with millisecond precision, as Surefire writes them. */
  static String seconds(Duration time) {
    return String.format(Locale.ROOT, "%.3f", time.toNanos() / 1e9);
  }

  public static String write(String suiteName, List<TestCase> cases, Instant timestamp, RuleDocs docs) {
    long failures = cases.stream().filter(c -> c.findings().stream().anyMatch(Finding::isError)).count();
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", suiteName);
      xml.writeAttribute("tests", Integer.toString(cases.size()));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("time", seconds(cases.stream().map(TestCase::time).reduce(Duration.ZERO, Duration::plus)));
      xml.writeAttribute("timestamp", timestamp.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
      xml.writeCharacters("\n");
      for (TestCase testCase : cases) {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", testCase.className());
        xml.writeAttribute("name", testCase.name());
        xml.writeAttribute("time", seconds(testCase.time()));
        List<Finding> errors = testCase.findings().stream().filter(Finding::isError).toList();
        List<Finding> others = testCase.findings().stream().filter(f -> !f.isError()).toList();
        for (Finding error : errors) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("failure");
          xml.writeAttribute("type", error.rule().name());
          xml.writeAttribute("message", error.message());
          xml.writeCharacters(TextReportWriter.line(error, docs));
          xml.writeEndElement();
        }
        if (!others.isEmpty()) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("system-out");
          for (Finding other : others) {
            xml.writeCharacters(other.severity().name().toLowerCase(Locale.ROOT) + ": "
                + TextReportWriter.line(other, docs) + "\n");
          }
          xml.writeEndElement();
        }
        if (!testCase.findings().isEmpty()) {
          xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing JUnit XML to a string failed", e);
    }
    return out.toString();
  }
}
