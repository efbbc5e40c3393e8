package dev.handshake.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void keepsRecordsAndPortAcrossARestartOnTheSameDir(@TempDir Path dir) {
        int port;
        try (KafkaBroker kafka = KafkaBroker.start(dir)) {
            port = kafka.port();
            kafka.createTopic("greetings", 1);
            produce(kafka.bootstrapServers(), "greetings", "alice", "hello");
            assertThat(consumeAll(kafka.bootstrapServers(), "greetings", 1)).containsExactly("alice=hello");
        }
        assertThat(acceptsConnections(port)).as("port released after close").isFalse();

        try (KafkaBroker restarted = KafkaBroker.start(dir)) {
            assertThat(restarted.port()).isEqualTo(port);
            produce(restarted.bootstrapServers(), "greetings", "bob", "again");
            assertThat(consumeAll(restarted.bootstrapServers(), "greetings", 2))
                    .containsExactly("alice=hello", "bob=again");
        }
    }

    @Test
    void temporaryBrokerDeletesItsLogDirOnClose() {
        Path logDir;
        try (KafkaBroker kafka = KafkaBroker.start()) {
            logDir = kafka.logDir();
            assertThat(logDir.resolve("meta.properties")).exists();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
        }
        assertThat(Files.exists(logDir)).isFalse();
    }

    @Test
    void mainRunsABrokerAsItsOwnProcessAndStopsOnSigterm(@TempDir Path dir) {
        List<String> command = List.of(JavaCommand.executable(), "-Xmx384m", "-cp",
                System.getProperty("java.class.path"), KafkaBroker.class.getName(), "--data-dir", dir.toString());
        try (ServerProcess process = ServerProcess.start("kafka broker", command,
                Pattern.compile("kafka ready bootstrap=127\\.0\\.0\\.1:(\\d+)"), DEADLINE.multipliedBy(2))) {
            String bootstrap = "127.0.0.1:" + process.readyMatch().group(1);
            produce(bootstrap, "from-main", "k", "v");
            assertThat(consumeAll(bootstrap, "from-main", 1)).containsExactly("k=v");
            process.close();
            assertThat(process.isAlive()).isFalse();
            assertThat(process.tailText()).doesNotContain("Exception");
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("produce to " + topic + " failed", e);
        }
    }

    /** Reads the topic from the start until {@code expected} records arrived or the deadline passed. */
    private static List<String> consumeAll(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new org.apache.kafka.common.TopicPartition(topic, 0)));
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
