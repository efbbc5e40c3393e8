package dev.handshake.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Apicurio Registry 2.4.2.Final (the {@code apicurio-app} module's Quarkus runner jar) as a child JVM on a free
 * loopback port, in-memory storage, no authentication: a Confluent-compatible registry that no one here wrote.
 *
 * <pre>{@code
 * try (ApicurioRegistryProcess apicurio = ApicurioRegistryProcess.start()) {
 *     String url = apicurio.baseUrl(); // http://127.0.0.1:PORT/apis/ccompat/v7
 * }
 * }</pre>
 */
public final class ApicurioRegistryProcess implements AutoCloseable {

    /** Overrides where the runner jar is looked for. */
    public static final String RUNNER_JAR_PROPERTY = "handshake.apicurio.runner";
    static final String RUNNER_JAR_IN_REPO = "apicurio-app/target/quarkus-app/quarkus-run.jar";
    static final String BUILD_COMMAND = "./mvnw -B -q -pl apicurio-app -am install -DskipTests";

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://([^:/\\s]+):(\\d+)");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
    // Tests only need it up, not fast after minutes of JIT: C1 alone and the serial collector start it in about
    // half the time on a busy 2-core machine. The benchmark passes its own options.
    private static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final ServerProcess server;
    private final int port;

    private ApicurioRegistryProcess(ServerProcess server) {
        this.server = server;
        this.port = Integer.parseInt(server.readyMatch().group(2));
    }

    /** Starts the runner jar found in this checkout, with a 256 MiB heap. */
    public static ApicurioRegistryProcess start() {
        return start(locateRunnerJar(), DEFAULT_JVM_OPTIONS, DEFAULT_TIMEOUT);
    }

    public static ApicurioRegistryProcess start(Path runnerJar, List<String> jvmOptions, Duration timeout) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException("Apicurio Registry runner jar not found at " + runnerJar.toAbsolutePath()
                    + ". Build it from the repository root with: " + BUILD_COMMAND
                    + " (or point -D" + RUNNER_JAR_PROPERTY + " at a quarkus-run.jar)");
        }
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.executable());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=0");
        command.add("-jar");
        command.add(runnerJar.toAbsolutePath().toString());
        return new ApicurioRegistryProcess(
                ServerProcess.start("Apicurio Registry", command, LISTENING, timeout));
    }

    /** Where {@link #start()} looks: {@value #RUNNER_JAR_PROPERTY}, else the nearest enclosing checkout. */
    public static Path locateRunnerJar() {
        String configured = System.getProperty(RUNNER_JAR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return RepositoryRoot.find().resolve(RUNNER_JAR_IN_REPO);
    }

    /** The Confluent-compatible API, e.g. {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    public int port() {
        return port;
    }

    /** Apicurio's own API, for Apicurio's serdes: {@code http://127.0.0.1:PORT/apis/registry/v2}. */
    public String nativeApiUrl() {
        return "http://127.0.0.1:" + port + "/apis/registry/v2";
    }

    /**
     * The settings Apicurio's serde (2.4.x) needs to write and read Confluent's wire format on this registry:
     * no headers, the 4-byte id handler, content ids (what the ccompat API calls ids), auto-registration.
     * Plain strings, so this module needs none of Apicurio's classes.
     */
    public Map<String, Object> confluentModeSerdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("apicurio.registry.url", nativeApiUrl());
        config.put("apicurio.registry.headers.enabled", "false");
        config.put("apicurio.registry.id-handler", "io.apicurio.registry.serde.Legacy4ByteIdHandler");
        config.put("apicurio.registry.use-id", "contentId");
        config.put("apicurio.registry.auto-register", "true");
        return config;
    }

    public long pid() {
        return server.pid();
    }

    /** From process spawn until Quarkus printed "Listening on:". */
    public Duration startupTime() {
        return server.startupTime();
    }

    public String outputTail() {
        return server.tailText();
    }

    @Override
    public void close() {
        server.close();
    }
}
