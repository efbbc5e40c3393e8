package dev.handshake.example.auth;

import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserDeleted;
import dev.handshake.example.user.UserUpdated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The reader schemas auth ships (src/main/avro, compiled into the event classes): the same ones its contract carries,
 * so the default reader is exactly what user-service's gate checked. Written to a temporary directory for the
 * deserializer when {@code READER_SCHEMAS_DIR} is not set; each file is self-contained (UserStatus is defined inline
 * wherever it is used).
 */
final class ShippedReaderSchemas implements AutoCloseable {
  private static final List<Schema> SCHEMAS = List.of(UserCreated.getClassSchema(), UserUpdated.getClassSchema(),
      UserDeleted.getClassSchema());

  private final Path directory;

  private ShippedReaderSchemas(Path directory) {
    this.directory = directory;
  }

  static ShippedReaderSchemas write() {
    try {
      Path directory = Files.createTempDirectory("auth-reader-schemas");
      for (Schema schema : SCHEMAS) {
        Files.writeString(directory.resolve(schema.getName() + ".avsc"), schema.toString(true),
            StandardCharsets.UTF_8);
      }
      return new ShippedReaderSchemas(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write auth's reader schemas to a temporary directory", e);
    }
  }

  Path directory() {
    return directory;
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("auth-service: could not remove " + directory + ": " + e.getMessage());
    }
  }
}
