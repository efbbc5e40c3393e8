package dev.handshake.junit5;

import dev.handshake.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Loads the reader schema a consumer keeps as an {@code .avsc} file on its classpath. */
public final class ReaderSchemas {
  private ReaderSchemas() {
  }

  /**
   * Parses the classpath resource {@code resource} (e.g. {@code "avro/UserDeleted.avsc"}; a leading slash is
   * optional). Fails naming the resource when it is missing or not a valid Avro schema.
   */
  public static Schema fromClasspath(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ReaderSchemas.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new InvalidInputException("Reader schema \"" + name + "\" is not on the test classpath. Put the "
            + ".avsc file under src/main/resources or src/test/resources (or src/main/avro with the "
            + "avro-maven-plugin and pass the generated class's getClassSchema() instead).");
      }
      return new Schema.Parser().parse(in);
    } catch (SchemaParseException e) {
      throw new InvalidInputException("Reader schema \"" + name + "\" is not a valid Avro schema: "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read reader schema \"" + name + "\" from the classpath", e);
    }
  }
}
