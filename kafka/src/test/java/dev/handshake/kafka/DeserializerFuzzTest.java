package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.avro.WireFormat;
import dev.handshake.registry.RegistryServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated payloads through the deserializer: flipped bits, inserted and deleted bytes, truncations,
 * huge varints, random ids. Each one must end in a value or one of the serde's typed exceptions, within a
 * deadline, in a small heap (the surefire execution {@code fuzz} runs this class alone with {@code -Xmx64m}).
 * Then records a hostile producer shapes by their schema ({@link HostileShapes}). Seeded and reproducible:
 * {@code -Dhandshake.fuzz.seed=N -Dhandshake.fuzz.payloads=N -Dhandshake.fuzz.hostile.cases=N}.
 */
class DeserializerFuzzTest {
  static final long SEED = Long.getLong("handshake.fuzz.seed", 20261130L);
  static final int PAYLOADS = Integer.getInteger("handshake.fuzz.payloads", 100_000);
  static final long DEADLINE_MILLIS = 5_000;
  static final int HOSTILE_CASES = Integer.getInteger("handshake.fuzz.hostile.cases", 100_000);
  static final long HOSTILE_DEADLINE_MILLIS = 2_000;
  static final Path HOSTILE_REPORT = Path.of("target", "fuzz", "hostile-shapes.txt");
  static final Schema EVENT = new Schema.Parser().parse("""
      {"type": "record", "name": "FuzzEvent", "namespace": "dev.handshake.fuzz", "fields": [
        {"name": "id", "type": "string"}, {"name": "count", "type": "int"}, {"name": "total", "type": "long"},
        {"name": "ratio", "type": "double"}, {"name": "ok", "type": "boolean"}, {"name": "blob", "type": "bytes"},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "attrs", "type": {"type": "map", "values": "long"}},
        {"name": "note", "type": ["null", "string", "int"], "default": null},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B", "C"]}},
        {"name": "sig", "type": {"type": "fixed", "name": "Sig", "size": 8}},
        {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
          {"name": "sku", "type": "string"}, {"name": "qty", "type": "int"}]}}}
      ]}""");
  /** A reader that drops and defaults fields, so resolution (skipping) is fuzzed too. */
  static final String READER = """
      {"type": "record", "name": "FuzzEvent", "namespace": "dev.handshake.fuzz", "fields": [
        {"name": "id", "type": "string"}, {"name": "total", "type": "double"},
        {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
          {"name": "sku", "type": "string"}]}}},
        {"name": "extra", "type": "string", "default": "none"}]}""";

  static Path dir;
  static RegistryServer registry;

  @BeforeAll
  static void startRegistry() throws IOException {
    dir = Files.createTempDirectory("handshake-fuzz-registry-");
    registry = RegistryServer.start(RegistryServer.Options.of(dir, 0));
  }

  @AfterAll
  static void stopRegistry() throws IOException {
    registry.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void everyPayloadEndsInAValueOrATypedExceptionWithinItsDeadline() throws Exception {
    Random random = new Random(SEED);
    // Remembering unknown ids (Confluent's missing.id.cache.ttl.sec) spares the registry a call per repeated
    // bad id, as a consumer facing a burst of misframed records should.
    Map<String, Object> config = Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
        HandshakeSerdeConfig.MISSING_ID_CACHE_TTL_SEC, "300");
    HandshakeAvroSerializer serializer = new HandshakeAvroSerializer();
    serializer.configure(config, false);
    HandshakeAvroDeserializer asWritten = new HandshakeAvroDeserializer();
    asWritten.configure(config, false);
    HandshakeAvroDeserializer withReader = new HandshakeAvroDeserializer();
    Map<String, Object> readerConfig = new HashMap<>(config);
    readerConfig.put(HandshakeSerdeConfig.READER_SCHEMAS, READER);
    withReader.configure(readerConfig, false);
    List<byte[]> valid = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      valid.add(serializer.serialize("fuzz", randomEvent(random)));
    }
    valid.add(serializer.serialize("fuzz-key", "a-string-key"));

    Map<String, Integer> outcomes = new TreeMap<>();
    long started = System.nanoTime();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      for (int i = 0; i < PAYLOADS; i++) {
        byte[] payload = Mutations.mutate(valid.get(random.nextInt(valid.size())), random);
        HandshakeAvroDeserializer deserializer = random.nextBoolean() ? asWritten : withReader;
        Future<Object> result = worker.submit(() -> deserializer.deserialize("fuzz", payload));
        String outcome;
        try {
          result.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
          outcome = "value";
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (!(cause instanceof HandshakeSerdeException) || cause instanceof RegistryUnreachableException) {
            throw new AssertionError("payload " + i + " (seed " + SEED + ") " + hex(payload) + " threw " + cause,
                cause);
          }
          outcome = cause.getClass().getSimpleName();
        } catch (TimeoutException e) {
          result.cancel(true);
          throw new AssertionError("payload " + i + " (seed " + SEED + ") " + hex(payload) + " took more than "
              + DEADLINE_MILLIS + " ms");
        }
        outcomes.merge(outcome, 1, Integer::sum);
      }
    } finally {
      worker.shutdownNow();
    }

    System.out.println("fuzz seed " + SEED + ", " + PAYLOADS + " payloads in "
        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms, max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB: " + outcomes);
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(PAYLOADS);
    assertThat(outcomes).containsKeys("value", "TruncatedPayloadException", "UnknownMagicByteException",
        "UnknownSchemaIdException", "LengthBeyondPayloadException", "TrailingBytesException");
  }

  /**
   * Records shaped by their schema ({@link HostileShapes}): zero-byte items in arrays and maps, deep recursion,
   * logical types, each where the reader decodes it and where it skips it; now and then damaged as above too.
   * Each must end in a value or a permanent typed exception within {@value #HOSTILE_DEADLINE_MILLIS} ms; the
   * figures (cases per shape, slowest case, outcomes) go to the test's output and to {@link #HOSTILE_REPORT}.
   */
  @Test
  void everyHostileShapeEndsInAValueOrATypedExceptionWithinTwoSeconds() throws Exception {
    Random random = new Random(SEED);
    Map<HostileShapes, Shape> shapes = new EnumMap<>(HostileShapes.class);
    for (HostileShapes shape : HostileShapes.values()) {
      shapes.put(shape, Shape.of(shape, registry.url()));
    }
    Map<String, Integer> cases = new TreeMap<>();
    Map<String, Long> slowestNanos = new TreeMap<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    long started = System.nanoTime();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      for (int i = 0; i < HOSTILE_CASES; i++) {
        HostileShapes shape = HostileShapes.values()[random.nextInt(HostileShapes.values().length)];
        HostileShapes.Position position = random.nextBoolean() ? HostileShapes.Position.KEPT
            : HostileShapes.Position.DROPPED;
        int targetBytes = random.nextInt(100) == 0 ? random.nextInt(64 * 1024) : 1 + random.nextInt(2048);
        Shape prepared = shapes.get(shape);
        byte[] frame = WireFormat.frame(prepared.id(), shape.payload(position, random, targetBytes));
        byte[] payload = random.nextInt(8) == 0 ? Mutations.mutate(frame, random) : frame;
        HandshakeAvroDeserializer deserializer = position == HostileShapes.Position.KEPT && random.nextBoolean()
            ? prepared.asWritten() : prepared.withReader();
        String label = shape + " in " + (position == HostileShapes.Position.KEPT ? "a value" : "a skipped field");
        long caseStarted = System.nanoTime();
        Future<Object> result = worker.submit(() -> deserializer.deserialize("hostile", payload));
        String outcome;
        try {
          result.get(HOSTILE_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
          outcome = "value";
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (!(cause instanceof HandshakeSerdeException serde) || serde.isTransient()) {
            throw new AssertionError("hostile case " + i + " (seed " + SEED + ", " + label + ") " + hex(payload)
                + " threw " + cause, cause);
          }
          outcome = cause.getClass().getSimpleName();
        } catch (TimeoutException e) {
          result.cancel(true);
          throw new AssertionError("hostile case " + i + " (seed " + SEED + ", " + label + ") " + hex(payload)
              + " took more than " + HOSTILE_DEADLINE_MILLIS + " ms");
        }
        long nanos = System.nanoTime() - caseStarted;
        cases.merge(label, 1, Integer::sum);
        slowestNanos.merge(label, nanos, Math::max);
        outcomes.merge(outcome, 1, Integer::sum);
      }
    } finally {
      worker.shutdownNow();
    }

    String report = hostileReport(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), cases, slowestNanos,
        outcomes);
    System.out.print(report);
    Files.createDirectories(HOSTILE_REPORT.getParent());
    Files.writeString(HOSTILE_REPORT, report);
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(HOSTILE_CASES);
    assertThat(cases).hasSize(HostileShapes.values().length * 2);
    assertThat(outcomes).containsKeys("value", "DecodeLimitExceededException", "InvalidLogicalValueException",
        "LengthBeyondPayloadException");
  }

  private static String hostileReport(long millis, Map<String, Integer> cases, Map<String, Long> slowestNanos,
      Map<String, Integer> outcomes) {
    StringBuilder text = new StringBuilder("hostile shapes: seed " + SEED + ", " + HOSTILE_CASES + " cases in "
        + millis + " ms, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, deadline "
        + HOSTILE_DEADLINE_MILLIS + " ms per case\n");
    cases.forEach((label, count) -> text.append(String.format(Locale.ROOT, "  %-40s %6d cases, slowest %7.2f ms%n",
        label, count, slowestNanos.get(label) / 1e6)));
    text.append("outcomes:\n");
    outcomes.forEach((outcome, count) -> text.append(String.format(Locale.ROOT, "  %-40s %6d%n", outcome, count)));
    return text.toString();
  }

  /** A shape's writer registered, a deserializer reading it as written and one with its reader. */
  private record Shape(int id, HandshakeAvroDeserializer asWritten, HandshakeAvroDeserializer withReader) {
    static Shape of(HostileShapes shape, String registryUrl) {
      int id = WireFormat.schemaId(shape.frame(registryUrl, new byte[0]));
      Map<String, Object> config = new HashMap<>(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
          HandshakeSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS, String.valueOf(shape.logical())));
      HandshakeAvroDeserializer asWritten = new HandshakeAvroDeserializer();
      asWritten.configure(config, false);
      config.put(HandshakeSerdeConfig.READER_SCHEMAS, shape.reader());
      HandshakeAvroDeserializer withReader = new HandshakeAvroDeserializer();
      withReader.configure(config, false);
      return new Shape(id, asWritten, withReader);
    }
  }

  static GenericRecord randomEvent(Random random) {
    GenericRecord event = new GenericData.Record(EVENT);
    event.put("id", "id-" + random.nextInt(1_000_000));
    event.put("count", random.nextInt());
    event.put("total", random.nextLong());
    event.put("ratio", random.nextDouble());
    event.put("ok", random.nextBoolean());
    byte[] blob = new byte[random.nextInt(16)];
    random.nextBytes(blob);
    event.put("blob", ByteBuffer.wrap(blob));
    List<Utf8> tags = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      tags.add(new Utf8("tag" + i));
    }
    event.put("tags", tags);
    event.put("attrs", random.nextBoolean() ? Map.of() : Map.of(new Utf8("a"), random.nextLong()));
    event.put("note", switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> new Utf8("note");
      default -> random.nextInt(100);
    });
    event.put("kind", new GenericData.EnumSymbol(EVENT.getField("kind").schema(), "B"));
    byte[] sig = new byte[8];
    random.nextBytes(sig);
    event.put("sig", new GenericData.Fixed(EVENT.getField("sig").schema(), sig));
    Schema item = EVENT.getField("items").schema().getElementType();
    List<GenericRecord> items = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      GenericRecord line = new GenericData.Record(item);
      line.put("sku", "sku-" + i);
      line.put("qty", i);
      items.add(line);
    }
    event.put("items", items);
    return event;
  }

  private static String hex(byte[] payload) {
    return java.util.HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 64))
        + (payload.length > 64 ? "... (" + payload.length + " bytes)" : "");
  }

  /** Ways to damage a valid frame, as networks, bugs and attackers do. */
  static final class Mutations {
    private Mutations() {
    }

    static byte[] mutate(byte[] valid, Random random) {
      byte[] bytes = Arrays.copyOf(valid, valid.length);
      return switch (random.nextInt(8)) {
        case 0 -> flipBits(bytes, random);
        case 1 -> insert(bytes, random, randomBytes(random, 1 + random.nextInt(8)));
        case 2 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
        case 3 -> delete(bytes, random);
        case 4 -> insert(bytes, random, hugeVarint(random));
        case 5 -> overwriteWithHugeVarint(bytes, random);
        case 6 -> randomIdOrMagic(bytes, random);
        default -> randomBytes(random, random.nextInt(64));
      };
    }

    private static byte[] flipBits(byte[] bytes, Random random) {
      for (int i = 1 + random.nextInt(3); i > 0 && bytes.length > 0; i--) {
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      }
      return bytes;
    }

    private static byte[] insert(byte[] bytes, Random random, byte[] inserted) {
      int at = random.nextInt(bytes.length + 1);
      byte[] result = new byte[bytes.length + inserted.length];
      System.arraycopy(bytes, 0, result, 0, at);
      System.arraycopy(inserted, 0, result, at, inserted.length);
      System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
      return result;
    }

    private static byte[] delete(byte[] bytes, Random random) {
      int at = random.nextInt(bytes.length);
      int count = Math.min(1 + random.nextInt(4), bytes.length - at);
      byte[] result = new byte[bytes.length - count];
      System.arraycopy(bytes, 0, result, 0, at);
      System.arraycopy(bytes, at + count, result, at, bytes.length - at - count);
      return result;
    }

    /** A zig-zag varint for a length near 2^31 or 2^62, or a varint that never ends. */
    private static byte[] hugeVarint(Random random) {
      return switch (random.nextInt(3)) {
        case 0 -> new byte[] {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        case 1 -> new byte[] {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff, 0x7f};
        default -> new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
      };
    }

    private static byte[] overwriteWithHugeVarint(byte[] bytes, Random random) {
      byte[] varint = hugeVarint(random);
      if (bytes.length <= 5) {
        return bytes;
      }
      int at = 5 + random.nextInt(bytes.length - 5);
      byte[] result = Arrays.copyOf(bytes, Math.max(bytes.length, at + varint.length));
      System.arraycopy(varint, 0, result, at, varint.length);
      return result;
    }

    private static byte[] randomIdOrMagic(byte[] bytes, Random random) {
      if (bytes.length < 5) {
        return bytes;
      }
      if (random.nextBoolean()) {
        bytes[0] = (byte) (1 + random.nextInt(255));
      } else {
        ByteBuffer.wrap(bytes, 1, 4).putInt(random.nextInt(1000));
      }
      return bytes;
    }

    private static byte[] randomBytes(Random random, int length) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      if (length > 0 && random.nextBoolean()) {
        bytes[0] = 0;
      }
      return bytes;
    }
  }
}
