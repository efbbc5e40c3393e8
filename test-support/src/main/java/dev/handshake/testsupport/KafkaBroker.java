package dev.handshake.testsupport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) running in this JVM on loopback ports chosen
 * before it starts, for tests and for a local stack ({@link #main}).
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start()) {
 *     kafka.createTopic("users", 1);
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>{@link #start()} uses a temporary log dir deleted on {@link #close()}; {@link #start(Path)} keeps its dir, so
 * a broker started again on it has the same topics and records, on the same port when that port is still free.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Where a broker started on a kept dir records its port, so a restart on that dir can take it again. */
    static final String PORT_FILE = "handshake-broker.port";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final int port;
    private boolean closed;

    private KafkaBroker(KafkaRaftServer server, Path logDir, boolean deleteOnClose, int port) {
        this.server = server;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
    }

    /** A broker on a fresh temporary log dir, deleted when it is closed. */
    public static KafkaBroker start() {
        try {
            return start(Files.createTempDirectory("handshake-kafka-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary Kafka log dir", e);
        }
    }

    /**
     * A broker on {@code logDir}, kept on close. Formats the dir when it is new; otherwise the topics and records
     * of the last broker on it are back, and so is its port if nothing else took it since.
     */
    public static KafkaBroker start(Path logDir) {
        return start(logDir, previousPort(logDir).filter(KafkaBroker::isFree).orElse(0));
    }

    /** As {@link #start(Path)} on a given port (0: any free one). */
    public static KafkaBroker start(Path logDir, int port) {
        return start(logDir, port, false);
    }

    private static KafkaBroker start(Path logDir, int requestedPort, boolean deleteOnClose) {
        int port = requestedPort == 0 ? freePort() : requestedPort;
        int controllerPort = freePort();
        KafkaRaftServer server = null;
        try {
            Files.createDirectories(logDir);
            KafkaConfig config = new KafkaConfig(KafkaBrokerSettings.of(logDir, port, controllerPort), false);
            formatIfNew(logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(server, logDir, deleteOnClose, port);
            broker.awaitReady(READY_TIMEOUT);
            Files.writeString(logDir.resolve(PORT_FILE), String.valueOf(port), StandardCharsets.UTF_8);
            return broker;
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
            }
            if (deleteOnClose) {
                deleteRecursively(logDir);
            }
            throw new IllegalStateException("Could not start the Kafka broker on " + HOST + ":" + port
                    + " with log dir " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** Creates a topic with replication factor 1 and waits until the broker has it; an existing topic is kept. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + name + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topic " + name + " was not created within " + READY_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }

    /** An admin client on this broker; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    /** Stops the broker and returns once it is down (its ports released); deletes a temporary log dir. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
    }

    /** Ready once an admin client sees this node in the cluster: the broker registered with its controller. */
    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                try {
                    // The admin client retries inside this call until the broker answers or the timeout passes.
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(remainingMillis,
                            Integer.MAX_VALUE))).nodes().get().isEmpty()) {
                        return;
                    }
                } catch (ExecutionException e) {
                    last = e;
                }
            }
            throw new IllegalStateException("The broker at " + bootstrapServers() + " did not answer describeCluster"
                    + " within " + timeout + (last == null ? "" : ": " + last.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                    .setNodeId(KafkaBrokerSettings.NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(KafkaBrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log dir " + logDir + ": " + e, e);
        }
    }

    private static Optional<Integer> previousPort(Path logDir) {
        Path file = logDir.resolve(PORT_FILE);
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isFree(int port) {
        // As the broker will bind it: with SO_REUSEADDR, so a port the last broker left in TIME_WAIT counts as free.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(HOST), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the Kafka broker", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temp dir left behind is not worth failing a test over.
        }
    }

    /**
     * {@code --data-dir DIR [--port N]}: runs a broker as its own process, prints
     * {@code kafka ready bootstrap=127.0.0.1:PORT} when it accepts clients, and stops cleanly on SIGTERM.
     */
    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = parseArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kafka: " + e.getMessage());
            System.err.println("usage: KafkaBroker --data-dir DIR [--port N]");
            System.exit(2);
            return;
        }
        KafkaBroker broker;
        try {
            Path dir = Path.of(options.get("--data-dir"));
            broker = options.containsKey("--port") ? start(dir, port(options.get("--port"))) : start(dir);
        } catch (RuntimeException e) {
            System.err.println("kafka: cannot start: " + e.getMessage());
            System.exit(3);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        System.out.println("kafka ready bootstrap=" + broker.bootstrapServers());
        System.out.flush();
        broker.server.awaitShutdown();
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--data-dir", "--port").contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--data-dir")) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        if (options.containsKey("--port")) {
            port(options.get("--port"));
        }
        return options;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, got \"" + value + "\"");
    }
}
