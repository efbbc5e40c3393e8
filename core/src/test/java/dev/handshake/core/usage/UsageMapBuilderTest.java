package dev.handshake.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.contract.MatchingRules;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageMapBuilderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaLoader LOADER = new SchemaLoader();

  private static final String WRITER = """
      {"type": "record", "name": "User", "namespace": "ex", "fields": [
        {"name": "id", "type": "string"},
        {"name": "email", "type": "string"},
        {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
          {"name": "city", "type": "string"},
          {"name": "zip", "type": "string"}]}},
        {"name": "roles", "type": {"type": "array", "items": {"type": "record", "name": "Role", "fields": [
          {"name": "name", "type": "string"}]}}},
        {"name": "nickname", "type": ["null", "string"], "default": null},
        {"name": "tags", "type": {"type": "map", "values": "string"}}
      ]}""";

  /** Reads id, email and address.city; asserts on id and email (content) and address.city (a rule). */
  private static final String BILLING_READER = """
      {"type": "record", "name": "User", "namespace": "ex", "fields": [
        {"name": "id", "type": "string"},
        {"name": "email", "type": "string"},
        {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
          {"name": "city", "type": "string"}]}},
        {"name": "nickname", "type": ["null", "string"], "default": null},
        {"name": "tier", "type": "int", "default": 0}
      ]}""";

  /** Reads id under another name (an alias), asserts on roles[*].name (a rule), and a field the producer never wrote, no default. */
  private static final String AUTH_READER = """
      {"type": "record", "name": "Account", "namespace": "auth", "aliases": ["ex.User"], "fields": [
        {"name": "userId", "aliases": ["id"], "type": "string"},
        {"name": "roles", "type": {"type": "array", "items": {"type": "record", "name": "Role",
          "namespace": "ex", "fields": [{"name": "name", "type": "string"}]}}},
        {"name": "locked", "type": "boolean"}
      ]}""";

  @Test
  void everyWriterFieldListsTheConsumersThatReadItAndHow() throws Exception {
    SchemaFile writer = LOADER.parse("schemas/User.avsc", WRITER, List.of());
    ConsumerReader billing = reader("billing", BILLING_READER, "{\"id\": \"1\", \"email\": \"a@b.c\"}",
        Map.of("$.address.city", rule()));
    ConsumerReader auth = reader("auth", AUTH_READER, "{}", Map.of("$.roles[*].name", rule()));

    UsageMap map = UsageMapBuilder.build(List.of(writer), List.of(billing, auth), Map.of());

    String file = "schemas/User.avsc";
    assertEquals(List.of(
        written(file, "/fields/0", "$.id", "string", use("auth", FieldUse.DECODES), use("billing", FieldUse.ASSERTS)),
        written(file, "/fields/1", "$.email", "string", use("billing", FieldUse.ASSERTS)),
        // A rule on a value inside a field asserts on the field too.
        written(file, "/fields/2", "$.address", "record ex.Address", use("billing", FieldUse.ASSERTS)),
        written(file, "/fields/2/type/fields/0", "$.address.city", "string", use("billing", FieldUse.ASSERTS)),
        written(file, "/fields/2/type/fields/1", "$.address.zip", "string"),
        written(file, "/fields/3", "$.roles", "array<record ex.Role>", use("auth", FieldUse.ASSERTS)),
        written(file, "/fields/3/type/items/fields/0", "$.roles[*].name", "string", use("auth", FieldUse.ASSERTS)),
        written(file, "/fields/4", "$.nickname", "[null, string]",
            new ConsumerUse("billing", FieldUse.DECODES, Optional.of("null"))),
        written(file, "/fields/5", "$.tags", "map<string>"),
        new FieldUsage("ex.User", file, "", "$.tier", "", false, Optional.empty(),
            List.of(new ConsumerUse("billing", FieldUse.DEFAULT_ONLY, Optional.of("0")))),
        new FieldUsage("ex.User", file, "", "$.locked", "", false, Optional.empty(),
            List.of(use("auth", FieldUse.MISSING)))), map.fields());
    assertEquals(List.of("auth", "billing"), map.consumers());
    assertEquals(List.of(), map.unmatched());
  }

  @Test
  void verdictsFollowTheReadersAndTheirDefaults() throws Exception {
    SchemaFile writer = LOADER.parse("schemas/User.avsc", WRITER, List.of());
    ConsumerReader billing = reader("billing", BILLING_READER, "{\"id\": \"1\", \"email\": \"a@b.c\"}",
        Map.of("$.address.city", rule()));

    UsageMap map = UsageMapBuilder.build(List.of(writer), List.of(billing), Map.of());

    assertEquals(List.of("$.id", "$.email", "$.address", "$.address.city"),
        map.withVerdict(FieldVerdict.IN_USE).stream().map(FieldUsage::path).toList());
    assertEquals(List.of("$.nickname"),
        map.withVerdict(FieldVerdict.READ_ONLY_WITH_DEFAULT).stream().map(FieldUsage::path).toList());
    assertEquals(List.of("$.address.zip", "$.roles", "$.roles[*].name", "$.tags"),
        map.withVerdict(FieldVerdict.SAFE_TO_REMOVE).stream().map(FieldUsage::path).toList());
    assertEquals(List.of("$.tier"), map.withVerdict(FieldVerdict.NOT_WRITTEN).stream().map(FieldUsage::path).toList());
  }

  @Test
  void aFieldThePreviousVersionHadIsRemovedAndSafeWhenNoConsumerReadsIt() throws Exception {
    SchemaFile current = LOADER.parse("schemas/Event.avsc", """
        {"type": "record", "name": "Event", "fields": [{"name": "id", "type": "string"}]}""", List.of());
    SchemaFile previous = LOADER.parse("schemas/history/Event/v3.avsc", """
        {"type": "record", "name": "Event", "fields": [{"name": "id", "type": "string"},
          {"name": "version", "type": "int"}, {"name": "source", "type": "string", "default": "web"}]}""",
        List.of());
    ConsumerReader audit = reader("audit", """
        {"type": "record", "name": "Event", "fields": [{"name": "id", "type": "string"},
          {"name": "source", "type": "string", "default": "web"}]}""", "{}", Map.of());

    UsageMap map = UsageMapBuilder.build(List.of(current), List.of(audit), Map.of("Event", previous));

    assertEquals(List.of(
        written("schemas/Event.avsc", "/fields/0", "$.id", "string", use("audit", FieldUse.DECODES), "Event"),
        new FieldUsage("Event", "schemas/Event.avsc", "", "$.source", "", false,
            Optional.of("schemas/history/Event/v3.avsc"),
            List.of(new ConsumerUse("audit", FieldUse.DEFAULT_ONLY, Optional.of("\"web\"")))),
        new FieldUsage("Event", "schemas/history/Event/v3.avsc", "/fields/1", "$.version", "int", false,
            Optional.of("schemas/history/Event/v3.avsc"), List.of())), map.fields());
    assertEquals(FieldVerdict.REMOVED_UNREAD, map.field("Event", "$.version").orElseThrow().verdict());
    assertEquals(FieldVerdict.NOT_WRITTEN, map.field("Event", "$.source").orElseThrow().verdict());
  }

  @Test
  void aReaderRecordNoProducerSchemaDefinesIsListedApart() throws Exception {
    SchemaFile writer = LOADER.parse("schemas/User.avsc", WRITER, List.of());
    ConsumerReader other = reader("search", """
        {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}]}""", "{}", Map.of());

    UsageMap map = UsageMapBuilder.build(List.of(writer), List.of(other), Map.of());

    assertEquals(List.of("search reads Order"), map.unmatched());
    assertEquals(map.fields().size(), map.withVerdict(FieldVerdict.SAFE_TO_REMOVE).size());
  }

  @Test
  void eachConsumersUseNamesTheTopicsItsInteractionsReadAndTheWritersShowThem() throws Exception {
    SchemaFile writer = LOADER.parse("schemas/User.avsc", WRITER, List.of());
    ConsumerReader v1 = onTopic(reader("billing", BILLING_READER, "{\"email\": \"a@b.c\"}", Map.of()), "users");
    ConsumerReader v2 = onTopic(reader("billing", BILLING_READER, "{}", Map.of()), "users.v2");
    ConsumerReader auth = onTopic(reader("auth", AUTH_READER, "{}", Map.of()), "users.v2");

    UsageMap map = UsageMapBuilder.build(List.of(writer), List.of(v1, v2, auth), Map.of());

    assertEquals(List.of(new ConsumerUse("billing", FieldUse.ASSERTS, Optional.empty(), List.of("users",
        "users.v2"))), map.field("ex.User", "$.email").orElseThrow().consumers());
    assertEquals(List.of(new ConsumerUse("auth", FieldUse.DECODES, Optional.empty(), List.of("users.v2")),
        new ConsumerUse("billing", FieldUse.DECODES, Optional.empty(), List.of("users", "users.v2"))),
        map.field("ex.User", "$.id").orElseThrow().consumers());
    String markdown = UsageMarkdownWriter.write(map);
    assertEquals(true, markdown.contains("### ex.User\n\nRead from `users` by billing; `users.v2` by auth, "
        + "billing.\n\n| Field |"), markdown);
    JsonNode email = UsageJsonWriter.json(map).get("fields").get(1);
    assertEquals("[\"users\",\"users.v2\"]", email.get("consumers").get(0).get("topics").toString());
  }

  private static ConsumerReader onTopic(ConsumerReader reader, String topic) {
    MessageInteraction i = reader.interaction();
    Map<String, String> metadata = new java.util.HashMap<>(i.metadata());
    metadata.put(MessageInteraction.TOPIC, topic);
    return new ConsumerReader(reader.consumer(), reader.contract(), new MessageInteraction(i.index(), i.pointer(),
        i.description(), i.providerStates(), i.body(), i.bodyRules(), i.key(), i.headers(), metadata, i.pending()),
        reader.reader());
  }

  private static FieldUsage written(String file, String pointer, String path, String type, ConsumerUse... uses) {
    return new FieldUsage("ex.User", file, pointer, path, type, true, Optional.empty(), List.of(uses));
  }

  private static FieldUsage written(String file, String pointer, String path, String type, ConsumerUse use,
                                    String subject) {
    return new FieldUsage(subject, file, pointer, path, type, true, Optional.empty(), List.of(use));
  }

  private static ConsumerUse use(String consumer, FieldUse use) {
    return new ConsumerUse(consumer, use, Optional.empty());
  }

  private static MatchingRules.RuleGroup rule() {
    return new MatchingRules.RuleGroup(true, List.of(new MatchingRules.Rule("type", Map.of())));
  }

  private static ConsumerReader reader(String consumer, String schema, String body,
                                       Map<String, MatchingRules.RuleGroup> rules) throws Exception {
    JsonNode content = JSON.readTree(body);
    MessageInteraction interaction = new MessageInteraction(0, "/interactions/0", "an event", List.of(), content,
        new MatchingRules(rules), null, List.of(),
        Map.of(MessageInteraction.READER_SCHEMA, schema), false);
    return new ConsumerReader(consumer, consumer + "-producer.json", interaction,
        LOADER.parse(consumer + "-producer.json", schema, List.of()).schema());
  }
}
