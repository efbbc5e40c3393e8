package dev.handshake.core.deploy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes an environment file for review: keys in a fixed order, services by name, two-space indentation with
 * one element per line (arrays too), {@code "key": value}, LF line ends and one trailing newline, so a
 * recorded change is a small diff.
 */
final class EnvironmentWriter {
  private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
  private final ObjectMapper mapper = new ObjectMapper();

  String write(Environment environment) {
    StringWriter out = new StringWriter();
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""));
    printer.indentObjectsWith(INDENTER);
    printer.indentArraysWith(INDENTER);
    try (JsonGenerator json = mapper.createGenerator(out)) {
      json.setPrettyPrinter(printer);
      json.writeStartObject();
      json.writeNumberField("formatVersion", EnvironmentReader.FORMAT_VERSION);
      json.writeStringField("environment", environment.name());
      json.writeObjectFieldStart("services");
      for (DeployedService service : environment.services()) {
        json.writeObjectFieldStart(service.name());
        json.writeArrayFieldStart("versions");
        for (ServiceVersion version : service.versions()) {
          writeVersion(json, version);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render environment " + environment.name(), e);
    }
    return out + "\n";
  }

  private static void writeVersion(JsonGenerator json, ServiceVersion version) throws IOException {
    json.writeStartObject();
    json.writeStringField("version", version.version());
    if (version.contractsArtifact().isPresent()) {
      json.writeStringField("contractsArtifact", version.contractsArtifact().get());
    }
    if (version.contractsPath().isPresent()) {
      json.writeStringField("contractsPath", version.contractsPath().get());
    }
    if (version.schemasPath().isPresent()) {
      json.writeStringField("schemasPath", version.schemasPath().get());
    }
    if (!version.subjects().isEmpty()) {
      json.writeArrayFieldStart("subjects");
      for (String subject : version.subjects()) {
        json.writeString(subject);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }
}
