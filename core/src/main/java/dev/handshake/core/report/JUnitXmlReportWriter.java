package dev.handshake.core.report;

import java.io.StringWriter;
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

  /** A checked item: {@code className} groups cases in CI views (e.g. the consumer), {@code name} is the case. */
  public record TestCase(String className, String name, List<Finding> findings) {
    public TestCase {
      findings = List.copyOf(findings);
    }
  }

  public static String write(String suiteName, List<TestCase> cases) {
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
      xml.writeCharacters("\n");
      for (TestCase testCase : cases) {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", testCase.className());
        xml.writeAttribute("name", testCase.name());
        xml.writeAttribute("time", "0");
        List<Finding> errors = testCase.findings().stream().filter(Finding::isError).toList();
        List<Finding> others = testCase.findings().stream().filter(f -> !f.isError()).toList();
        for (Finding error : errors) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("failure");
          xml.writeAttribute("type", error.rule());
          xml.writeAttribute("message", error.message());
          xml.writeCharacters(TextReportWriter.line(error));
          xml.writeEndElement();
        }
        if (!others.isEmpty()) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("system-out");
          for (Finding other : others) {
            xml.writeCharacters(other.severity().name().toLowerCase(Locale.ROOT) + ": "
                + TextReportWriter.line(other) + "\n");
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
