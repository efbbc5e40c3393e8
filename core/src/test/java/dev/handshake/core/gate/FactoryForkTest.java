package dev.handshake.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import dev.handshake.core.contract.MatchingRules;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.avro.WireFormat;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactoryForkTest {
  private static final Schema EVENT = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Forked\",\"namespace\":\"t\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

  public static class ForkFactories {
    @PactVerifyProvider("reads a file relative to the module")
    public GenericRecord relative() throws Exception {
      GenericRecord event = new GenericData.Record(EVENT);
      event.put("id", Files.readString(Path.of("fixtures/event-id.txt")).trim());
      return event;
    }

    @PactVerifyProvider("reads a file that is not there")
    public GenericRecord missing() throws Exception {
      return new GenericData.Record(new Schema.Parser().parse(new File("absent.avsc")));
    }

    @PactVerifyProvider("sent to two topics")
    public ProducedRecord onFirstVersion() {
      GenericRecord event = new GenericData.Record(EVENT);
      event.put("id", "v1");
      return new ProducedRecord("events", "k", event, List.of());
    }

    @PactVerifyProvider("sent to two topics")
    public ProducedRecord onSecondVersion() {
      GenericRecord event = new GenericData.Record(EVENT);
      event.put("id", "v2");
      return new ProducedRecord("events.v2", "k", event, List.of());
    }

    @PactVerifyProvider("knows its basedir")
    public byte[] basedir() {
      byte[] name = System.getProperty("basedir").getBytes();
      byte[] framed = new byte[5 + name.length];
      System.arraycopy(name, 0, framed, 5, name.length);
      return framed;
    }
  }

  @TempDir
  Path module;

  private PactVerifyProviderFactories fork() throws Exception {
    Files.createDirectories(module.resolve("fixtures"));
    Files.writeString(module.resolve("fixtures/event-id.txt"), "evt-7\n");
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).toList();
    Path testClasses = Path.of(ForkFactories.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return new FactoryFork(Path.of(System.getProperty("java.home"), "bin", "java"), classpath, module,
        module.resolve("target/handshake"), Duration.ofMinutes(2)).run(List.of(testClasses));
  }

  @Test
  void factoriesRunInTheModuleDirectoryAsUnderSurefire() throws Exception {
    // this JVM's working directory is core/, which has no fixtures/event-id.txt: only the fork finds it
    assertThat(Path.of("fixtures/event-id.txt")).doesNotExist();
    PactVerifyProviderFactories factories = fork();

    EventOutcome relative = factories.find("reads a file relative to the module").orElseThrow().outcome();
    assertThat(relative).isInstanceOf(EventOutcome.Record.class);
    EventOutcome.Record record = (EventOutcome.Record) relative;
    assertThat(record.schema()).isEqualTo(EVENT);
    assertThat(((GenericRecord) WireFormat.decode(record.wireBytes(), EVENT, EVENT)).get("id").toString())
        .isEqualTo("evt-7");
    EventOutcome.Serialized basedir = (EventOutcome.Serialized) factories.find("knows its basedir").orElseThrow()
        .outcome();
    assertThat(new String(basedir.wireBytes(), 5, basedir.wireBytes().length - 5)).isEqualTo(module.toString());
  }

  @Test
  void aFailureNamesTheFirstFrameInTheProducersCodeNotTheJdkFrame() throws Exception {
    EventOutcome missing = fork().find("reads a file that is not there").orElseThrow().outcome();

    assertThat(missing).isInstanceOf(EventOutcome.Failed.class);
    String what = ((EventOutcome.Failed) missing).what();
    assertThat(what).contains("absent.avsc")
        .contains(" at " + ForkFactories.class.getName() + ".missing(FactoryForkTest.java:")
        .doesNotContain("UnixException").doesNotContain(" at java.");
  }

  @Test
  void everyFactoryOfADescriptionComesBackWithItsRecordsTopicAndIsChosenByIt() throws Exception {
    PactVerifyProviderFactories factories = fork();

    assertThat(factories.publishedTopics()).contains("events", "events.v2");
    FactoryChoice choice = factories.choose(new MessageInteraction(0, "/interactions/0", "sent to two topics",
        List.of(), null, new MatchingRules(Map.of()), null, List.of(), Map.of(MessageInteraction.TOPIC, "events.v2"),
        false));
    assertThat(choice).isInstanceOf(FactoryChoice.Chosen.class);
    assertThat(((FactoryChoice.Chosen) choice).factory().source()).isEqualTo(ForkFactories.class.getName()
        + ".onSecondVersion()");
    assertThat(factories.ambiguities()).noneMatch(a -> a.contains("sent to two topics"));
  }
}
