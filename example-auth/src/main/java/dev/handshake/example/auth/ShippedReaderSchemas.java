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
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The reader schemas auth ships, one set per version of user-service's events (src/main/avro for version 1, topic
 * user-events; src/main/avro-v2 for version 2, user-events.v2; compiled into the event classes): the same ones its
 * contracts carry, so the default reader is exactly what user-service's gate checked. The set for the topic's
 * version is written to a temporary directory for the deserializer when {@code READER_SCHEMAS_DIR} is not set; each
 * file is self-contained (UserStatus is defined inline wherever it is used).
 */
final class ShippedReaderSchemas implements AutoCloseable {
  private static final Map<Integer, List<Schema>> SCHEMAS = Map.of(
      1, List.of(UserCreated.getClassSchema(), UserUpdated.getClassSchema(), UserDeleted.getClassSchema()),
      2, List.of(dev.handshake.example.user.v2.UserCreated.getClassSchema(),
          dev.handshake.example.user.v2.UserUpdated.getClassSchema(),
          dev.handshake.example.user.v2.UserDeleted.getClassSchema()));

  private final Path directory;

  private ShippedReaderSchemas(Path directory) {
    this.directory = directory;
  }

  /** {@code version}: of user-service's events, 1 or 2 ({@link AuthSettings} refused any other). */
  static ShippedReaderSchemas write(int version) {
    try {
      Path directory = Files.createTempDirectory("auth-reader-schemas-v" + version);
      for (Schema schema : SCHEMAS.get(version)) {
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
