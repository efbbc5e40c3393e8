package dev.handshake.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.gate.EventFactory;
import dev.handshake.core.contract.ReaderFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A synthetic producer with {@code events} event types and {@code consumers} consumers, each of which has a
 * contract with one interaction per event type, written in the layout pact-jvm 4.6 writes, with its own
 * reader schema (a subset of the writer's fields, plus one field of its own with a default) and matchers on
 * every field it reads. Everything is compatible, so the gate does its full work on every interaction.
 */
final class SyntheticGate {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  final Path root;
  final Path contracts;
  final Path schemas;
  final Map<String, EventFactory> factories = new LinkedHashMap<>();

  private SyntheticGate(Path root) {
    this.root = root;
    this.contracts = root.resolve("contracts");
    this.schemas = root.resolve("schemas");
  }

  static SyntheticGate create(Path root, int events, int consumers) throws IOException {
    SyntheticGate gate = new SyntheticGate(root);
    Files.createDirectories(gate.contracts);
    Files.createDirectories(gate.schemas);
    ArrayNode[] interactions = new ArrayNode[consumers];
    for (int c = 0; c < consumers; c++) {
      interactions[c] = JSON.createArrayNode();
    }
    for (int e = 0; e < events; e++) {
      Schema writer = new Schema.Parser().parse(writerSchema(e));
      Files.writeString(gate.schemas.resolve("Event" + e + ".avsc"), writer.toString(true));
      GenericRecord event = event(writer, e);
      String description = "event " + e + " happened";
      gate.factories.put(description, new EventFactory() {
        @Override
        public String source() {
          return "SyntheticFactories.event" + description.hashCode() + "()";
        }

        @Override
        public Object create() {
          return event;
        }
      });
      byte[] bytes = WireFormat.encode(1, writer, event);
      for (int c = 0; c < consumers; c++) {
        Schema reader = new Schema.Parser().parse(readerSchema(e, c));
        JsonNode body = AvroJsonView.toJson(WireFormat.decode(bytes, writer, reader), reader);
        interactions[c].add(interaction(description, reader, body));
      }
    }
    for (int c = 0; c < consumers; c++) {
      ObjectNode pact = JSON.createObjectNode();
      pact.putObject("consumer").put("name", "consumer-" + c);
      pact.set("interactions", interactions[c]);
      ObjectNode metadata = pact.putObject("metadata");
      metadata.putObject("pact-jvm").put("version", "4.6.17");
      metadata.putObject("pactSpecification").put("version", "4.0");
      pact.putObject("provider").put("name", "user-service");
      Files.writeString(gate.contracts.resolve("consumer-" + c + "-user-service.json"), JSON.writeValueAsString(pact));
    }
    return gate;
  }

  private static String writerSchema(int e) {
    return """
        {"type":"record","name":"Event%d","namespace":"dev.handshake.bench.events","fields":[
          {"name":"eventId","type":{"type":"string","logicalType":"uuid"}},
          {"name":"userId","type":"string"},
          {"name":"email","type":"string"},
          {"name":"count","type":"int"},
          {"name":"amount","type":"double"},
          {"name":"status","type":{"type":"enum","name":"Status%d","symbols":["ACTIVE","LOCKED","DELETED"]}},
          {"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"nickname","type":["null","string"],"default":null},
          {"name":"roles","type":{"type":"array","items":"string"}},
          {"name":"attributes","type":{"type":"map","values":"string"}},
          {"name":"version","type":"long"}]}""".formatted(e, e);
  }

  /** Consumer c reads all but one or two of the writer's fields, and adds one of its own with a default. */
  private static String readerSchema(int e, int c) {
    List<String> fields = List.of(
        "{\"name\":\"eventId\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}}",
        "{\"name\":\"userId\",\"type\":\"string\"}",
        "{\"name\":\"email\",\"type\":\"string\"}",
        "{\"name\":\"count\",\"type\":\"long\"}",
        "{\"name\":\"amount\",\"type\":\"double\"}",
        "{\"name\":\"status\",\"type\":{\"type\":\"enum\",\"name\":\"Status" + e
            + "\",\"symbols\":[\"ACTIVE\",\"LOCKED\",\"DELETED\"]}}",
        "{\"name\":\"occurredAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}",
        "{\"name\":\"nickname\",\"type\":[\"null\",\"string\"],\"default\":null}",
        "{\"name\":\"roles\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}",
        "{\"name\":\"attributes\",\"type\":{\"type\":\"map\",\"values\":\"string\"}}");
    StringBuilder out = new StringBuilder("{\"type\":\"record\",\"name\":\"Event" + e
        + "\",\"namespace\":\"dev.handshake.bench.events\",\"fields\":[");
    int skipped = 3 + (c % 7);
    String joined = String.join(",", IntStream.range(0, fields.size()).filter(i -> i != skipped)
        .mapToObj(fields::get).toList());
    out.append(joined).append(",{\"name\":\"seenBy").append(c).append("\",\"type\":\"string\",\"default\":\"c\"}]}");
    return out.toString();
  }

  private static GenericRecord event(Schema writer, int e) {
    GenericData.Record r = new GenericData.Record(writer);
    r.put("eventId", "3f0c1d9e-5a51-4c7e-9f55-" + String.format("%012d", e));
    r.put("userId", "user-" + e);
    r.put("email", "user" + e + "@example.com");
    r.put("count", e);
    r.put("amount", e * 1.25);
    r.put("status", new GenericData.EnumSymbol(writer.getField("status").schema(), "ACTIVE"));
    r.put("occurredAt", 1_795_342_530_123L + e);
    r.put("nickname", e % 2 == 0 ? null : "nick" + e);
    r.put("roles", List.of("reader", "writer"));
    r.put("attributes", Map.of("tier", "gold", "region", "eu"));
    r.put("version", (long) e);
    return r;
  }

  private static ObjectNode interaction(String description, Schema reader, JsonNode body) {
    ObjectNode interaction = JSON.createObjectNode();
    ObjectNode contents = interaction.putObject("contents");
    contents.set("content", body);
    contents.put("contentType", "application/json");
    contents.put("encoded", false);
    interaction.put("description", description);
    ObjectNode rules = interaction.putObject("matchingRules").putObject("body");
    body.fieldNames().forEachRemaining(name -> {
      ObjectNode matcher = JSON.createObjectNode();
      switch (name) {
        case "eventId" -> matcher.put("match", "regex").put("regex", "[0-9a-f-]{36}");
        case "occurredAt" -> matcher.put("match", "timestamp").put("format", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
        case "count", "version" -> matcher.put("match", "integer");
        case "roles" -> matcher.put("match", "type").put("min", 1);
        case "attributes" -> matcher.put("match", "values");
        default -> matcher.put("match", "type");
      }
      ObjectNode group = rules.putObject("$." + name);
      group.put("combine", "AND");
      group.putArray("matchers").add(matcher);
    });
    ObjectNode metadata = interaction.putObject("metadata");
    metadata.put("contentType", "application/json");
    metadata.put("handshake.topic", "user-events");
    metadata.put("handshake.readerSchema", reader.toString());
    metadata.put("handshake.readerFingerprint", ReaderFingerprint.of(reader));
    interaction.put("pending", false);
    interaction.put("type", "Asynchronous/Messages");
    return interaction;
  }
}
