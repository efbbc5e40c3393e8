package dev.handshake.core.gate;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.avro.WireFormat;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the producer's event factories as Surefire runs its tests: in a forked JVM whose working directory is
 * the module's directory (so {@code new File("src/test/resources/x.json")} resolves as in the producer's own
 * tests, also under {@code mvn -f module/pom.xml} or from a reactor root), with {@code basedir} set and the test
 * class path. Only the outcomes come back: wire-format bytes with the schema text, or the failure.
 *
 * @param java             the {@code java} executable
 * @param classpath        the producer's test class path, then Handshake's own (core and Avro) as a fallback
 * @param moduleDirectory  the working directory and {@code basedir} of the forked JVM
 * @param workDirectory    where the result file and the factories' console output ({@code factories.log}) go
 * @param timeout          how long the factories may take together
 */
public record FactoryFork(Path java, List<Path> classpath, Path moduleDirectory, Path workDirectory,
                          Duration timeout) {
  public static final String OUTPUT_LOG = "factories.log";

  /**
   * Where Handshake's own classes for the fork come from (core, Avro, Jackson, SLF4J), for a front end that
   * has no class loader to list them (the CLI): one shaded jar, or each library's jar or directory.
   */
  public static List<Path> handshakeClasspath() {
    List<Path> classpath = new ArrayList<>();
    for (Class<?> type : List.of(FactoryFork.class, org.apache.avro.Schema.class,
        com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class,
        com.fasterxml.jackson.annotation.JsonProperty.class, org.slf4j.LoggerFactory.class)) {
      try {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!classpath.contains(location)) {
          classpath.add(location);
        }
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
      }
    }
    return classpath;
  }

  /** Finds and calls every factory under {@code classDirectories} in the fork; returns what each gave. */
  public PactVerifyProviderFactories run(List<Path> classDirectories) throws IOException {
    Files.createDirectories(workDirectory);
    Path result = workDirectory.resolve("factories.bin");
    Path output = workDirectory.resolve(OUTPUT_LOG);
    Files.deleteIfExists(result);
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Dbasedir=" + moduleDirectory,
        "-Dpact_do_not_track=true", FactoryForkMain.class.getName(), result.toString()));
    classDirectories.forEach(directory -> command.add(directory.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(moduleDirectory.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    // the class path goes through the environment: a long one would overflow a command line on some systems
    builder.environment().put("CLASSPATH", classpath.stream().map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator)));
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new HandshakeException("The @PactVerifyProvider factories did not finish within " + timeout.toSeconds()
            + " s (raise <factoryTimeoutSeconds>); their output is in " + output + tail(output));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new HandshakeException("Interrupted while the @PactVerifyProvider factories ran", e);
    }
    if (process.exitValue() != 0 || !Files.isRegularFile(result)) {
      throw new HandshakeException("The JVM that runs the @PactVerifyProvider factories exited with "
          + process.exitValue() + "; its output (" + output + ") ends with:" + tail(output));
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(result)))) {
      return FactoryForkProtocol.read(in);
    }
  }

  private static String tail(Path output) throws IOException {
    if (!Files.isRegularFile(output)) {
      return "";
    }
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    return System.lineSeparator() + String.join(System.lineSeparator(),
        lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  /** A factory that ran in the fork: its outcome and call time, and the event it built for callers that want it. */
  record ForkedFactory(String source, EventOutcome outcome, Duration callTime) implements EventFactory {
    @Override
    public Object create() {
      if (outcome instanceof EventOutcome.Record record) {
        return WireFormat.decode(record.wireBytes(), record.schema(), record.schema());
      }
      if (outcome instanceof EventOutcome.Serialized serialized) {
        return serialized.wireBytes();
      }
      throw new IllegalStateException("The event factory " + source + " " + ((EventOutcome.Failed) outcome).what());
    }
  }
}
