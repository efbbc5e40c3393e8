package dev.handshake.kafka;

import dev.handshake.registry.RegistryServer;
import dev.handshake.testsupport.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Kafka broker and one embedded registry (in-process, on a temporary store) for every test class of the
 * run; tests use fresh topics and subjects. Both are stopped when JUnit closes its root context.
 */
public final class SharedServers implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServers.class);

  // Static: helpers of one test class may serialize through another class's extension field.
  private static volatile Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("servers", key -> Running.start(),
        Running.class);
  }

  public KafkaBroker kafka() {
    return running().kafka;
  }

  /** {@code http://127.0.0.1:PORT} of the embedded registry. */
  public String registryUrl() {
    return running().registry.url();
  }

  private Running running() {
    if (running == null) {
      throw new IllegalStateException("SharedServers must be a static @RegisterExtension field");
    }
    return running;
  }

  private static final class Running implements ExtensionContext.Store.CloseableResource {
    final KafkaBroker kafka;
    final RegistryServer registry;
    final Path registryDir;

    private Running(KafkaBroker kafka, RegistryServer registry, Path registryDir) {
      this.kafka = kafka;
      this.registry = registry;
      this.registryDir = registryDir;
    }

    static Running start() {
      try {
        Path dir = Files.createTempDirectory("handshake-serde-registry-");
        RegistryServer registry = RegistryServer.start(RegistryServer.Options.of(dir, 0));
        try {
          return new Running(KafkaBroker.start(), registry, dir);
        } catch (RuntimeException e) {
          registry.close();
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        kafka.close();
      } finally {
        registry.close();
        try (Stream<Path> paths = Files.walk(registryDir)) {
          paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }
}
