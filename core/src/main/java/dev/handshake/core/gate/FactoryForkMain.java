package dev.handshake.core.gate;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The forked JVM's side of {@link FactoryFork}: runs in the producer module's directory with its test class path,
 * calls every {@code @PactVerifyProvider} factory found in the class directories and writes each outcome
 * (wire-format bytes and schema, or the failure) to the result file. Arguments: result file, class directories.
 */
public final class FactoryForkMain {
  private FactoryForkMain() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: FactoryForkMain <result file> <class directory>...");
      System.exit(2);
    }
    List<Path> classDirectories = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      classDirectories.add(Path.of(args[i]));
    }
    PactVerifyProviderFactories factories = PactVerifyProviderFactories.scan(classDirectories,
        FactoryForkMain.class.getClassLoader());
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(Path.of(args[0]))))) {
      FactoryForkProtocol.writeHeader(out, factories.all().size());
      for (PactVerifyProviderFactories.Named named : factories.all()) {
        EventFactory factory = named.factory();
        long started = System.nanoTime();
        EventOutcome outcome = factory.outcome();
        FactoryForkProtocol.writeOutcome(out, named.description(), factory.source(), outcome,
            System.nanoTime() - started);
      }
    }
    // factories may leave non-daemon threads (a test container, a scheduler): the results are written
    System.exit(0);
  }
}
