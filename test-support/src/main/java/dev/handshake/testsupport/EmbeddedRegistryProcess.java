package dev.handshake.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The embedded registry ({@code dev.handshake.registry.RegistryServer}) as a child JVM on a free loopback port:
 * for tests that must kill it (SIGKILL and restart) and for benchmarks that measure its start-up and memory
 * apart from the client's.
 */
public final class EmbeddedRegistryProcess implements AutoCloseable {

    public static final String MAIN_CLASS = "dev.handshake.registry.RegistryServer";

    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s]+:(\\d+))");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final ServerProcess server;
    private final String baseUrl;

    private EmbeddedRegistryProcess(ServerProcess server) {
        this.server = server;
        this.baseUrl = server.readyMatch().group(1);
    }

    /**
     * Starts the server from {@code classpath} (which must hold the registry module and its dependencies, e.g.
     * this JVM's own {@code java.class.path} in the registry module's tests) on store {@code dataDir}.
     */
    public static EmbeddedRegistryProcess start(String classpath, Path dataDir, List<String> jvmOptions) {
        return start(classpath, dataDir, jvmOptions, DEFAULT_TIMEOUT);
    }

    public static EmbeddedRegistryProcess start(String classpath, Path dataDir, List<String> jvmOptions,
            Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.executable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);
        command.add("--data-dir");
        command.add(dataDir.toAbsolutePath().toString());
        command.add("--port");
        command.add("0");
        return new EmbeddedRegistryProcess(ServerProcess.start("embedded registry", command, LISTENING, timeout));
    }

    /** The Confluent-compatible API at the root, e.g. {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return baseUrl;
    }

    public long pid() {
        return server.pid();
    }

    /** From process spawn until it printed "listening on". */
    public Duration startupTime() {
        return server.startupTime();
    }

    public String outputTail() {
        return server.tailText();
    }

    /** Kills the server with SIGKILL, as a crash or power cut would, for durability tests. */
    public void kill() {
        server.kill();
    }

    public boolean isAlive() {
        return server.isAlive();
    }

    @Override
    public void close() {
        server.close();
    }
}
