package dev.handshake.junit5;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.MessageContentsBuilder;
import au.com.dius.pact.consumer.dsl.MessageInteractionBuilder;
import au.com.dius.pact.consumer.dsl.PactBuilder;
import au.com.dius.pact.core.model.generators.Generator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.core.contract.KeyFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * Declares one event a consumer expects, as a Pact V4 asynchronous message that also carries the Avro reader
 * schema the consumer decodes with and the topic it reads from:
 *
 * <pre>{@code
 * @Pact(consumer = "auth-service")
 * public V4Pact userDeleted(PactBuilder builder) {
 *   return AvroMessageInteraction.expects("a user was deleted")
 *       .given("user 42 exists")
 *       .onTopic("user-events")
 *       .readerSchema(UserDeleted.getClassSchema())
 *       .withBody(new PactDslJsonBody()
 *           .stringType("userId", "42")
 *           .stringMatcher("email", ".+@.+", "ada@example.com"))
 *       .addTo(builder)
 *       .toPact();
 * }
 * }</pre>
 *
 * <p>The body is the JSON view of the event as the consumer decodes it (see {@code docs/json-view.md}),
 * written with pact-jvm's own DSL so every Pact matcher is available. When the interaction is added, the
 * example body is decoded with the reader schema; an example the consumer could never receive fails the test
 * there, naming the field, instead of producing a contract that no producer can satisfy.
 */
public final class AvroMessageInteraction {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String description;
  private final List<ProviderState> states = new ArrayList<>();
  private String topic;
  private Schema readerSchema;
  private String readerSubject;
  private Integer readerVersion;
  private DslPart body;
  private final KeyAndHeaders keyAndHeaders = new KeyAndHeaders();

  private AvroMessageInteraction(String description) {
    this.description = description;
  }

  /**
   * Starts the interaction. The description names the event, e.g. "a user was deleted"; the producer's
   * factory is found by this exact text ({@code @PactVerifyProvider("a user was deleted")}).
   */
  public static AvroMessageInteraction expects(String description) {
    if (description == null || description.isBlank()) {
      throw new InvalidInputException("The interaction description is empty: name the event the consumer "
          + "expects, e.g. expects(\"a user was deleted\"); the producer's @PactVerifyProvider uses the same text.");
    }
    return new AvroMessageInteraction(description);
  }

  /** A provider state the producer must set up before building the event, e.g. "user 42 exists". */
  public AvroMessageInteraction given(String state) {
    return given(state, Map.of());
  }

  public AvroMessageInteraction given(String state, Map<String, ?> parameters) {
    if (state == null || state.isBlank()) {
      throw invalid("the provider state is empty; pass its name, e.g. given(\"user 42 exists\")");
    }
    states.add(new ProviderState(state, Map.copyOf(parameters)));
    return this;
  }

  /** The Kafka topic the consumer reads the event from. */
  public AvroMessageInteraction onTopic(String topic) {
    this.topic = topic;
    return this;
  }

  /** The schema the consumer really decodes with: its {@code .avsc} copy or its generated class's schema. */
  public AvroMessageInteraction readerSchema(Schema schema) {
    this.readerSchema = schema;
    return this;
  }

  /** The reader schema from an {@code .avsc} file on the test classpath, e.g. {@code "avro/UserDeleted.avsc"}. */
  public AvroMessageInteraction readerSchema(String classpathResource) {
    this.readerSchema = ReaderSchemas.fromClasspath(classpathResource);
    return this;
  }

  /** Records that the reader schema is version {@code version} of {@code subject} in a schema registry. */
  public AvroMessageInteraction registeredAs(String subject, int version) {
    if (subject == null || subject.isBlank() || version < 1) {
      throw invalid("registeredAs needs a subject and a version >= 1, got subject \"" + subject
          + "\" and version " + version);
    }
    this.readerSubject = subject;
    this.readerVersion = version;
    return this;
  }

  /**
   * The fields the consumer relies on, with Pact matchers: a {@code PactDslJsonBody} or
   * {@code LambdaDsl.newJsonBody(...).build()}. Give every matcher an example value: a generated example would
   * change the contract on every run.
   */
  public AvroMessageInteraction withBody(DslPart body) {
    this.body = body;
    return this;
  }

  /**
   * The record key the consumer needs, as one of Kafka's primitive deserializers reads it: e.g.
   * {@code withKey(KeyFormat.STRING, "42")} for a user id written by {@code StringSerializer}, or with a pact-jvm
   * matcher, {@code withKey(KeyFormat.LONG, Matchers.integer(42L))}. The producer's gate reads the real record's
   * key in this format and matches it.
   */
  public AvroMessageInteraction withKey(KeyFormat format, Object exampleOrMatcher) {
    if (format == null || format == KeyFormat.AVRO) {
      throw invalid("withKey needs a primitive key format (" + KeyFormat.names() + " but avro); for an Avro key use "
          + "withAvroKey(schema, example)");
    }
    keyAndHeaders.key(format, null, exampleOrMatcher);
    return this;
  }

  /**
   * An Avro record key, read with {@code keySchema} (the consumer's key reader schema) from the wire format;
   * the example is the key's JSON view as a {@code Map} (see docs/json-view.md).
   */
  public AvroMessageInteraction withAvroKey(Schema keySchema, Object exampleOrMatcher) {
    if (keySchema == null) {
      throw invalid("withAvroKey needs the key's reader schema");
    }
    keyAndHeaders.key(KeyFormat.AVRO, keySchema, exampleOrMatcher);
    return this;
  }

  /**
   * A header the consumer needs, with its value as UTF-8 text or a pact-jvm matcher with an example, e.g.
   * {@code withHeader("id", Matchers.uuid("5d0c2b59-..."))}. The gate checks the real record has it.
   */
  public AvroMessageInteraction withHeader(String name, Object valueOrMatcher) {
    if (name == null || name.isBlank()) {
      throw invalid("withHeader needs the header's name");
    }
    keyAndHeaders.header(name, valueOrMatcher);
    return this;
  }

  /**
   * Checks the declaration (the example body must decode with the reader schema) and adds the interaction to
   * {@code builder}; returns the builder so the {@code @Pact} method can add more or call {@code toPact()}.
   */
  public PactBuilder addTo(PactBuilder builder) {
    Map<String, Object> metadata = validatedMetadata();
    return builder.expectsToReceiveMessageInteraction(description, (MessageInteractionBuilder interaction) -> {
      for (ProviderState state : states) {
        interaction.state(state.name(), state.parameters());
      }
      return interaction.withContents((MessageContentsBuilder contents) ->
          (body == null ? contents : contents.withContent(body)).withMetadata(metadata));
    });
  }

  /**
   * The example event as the consumer's reader schema decodes it (a GenericRecord in Avro's raw
   * representation), after the same checks {@link #addTo} makes.
   */
  public Object exampleRecord() {
    validatedMetadata();
    if (body == null) {
      throw invalid("it states no body, so it has no example event");
    }
    return AvroJsonView.fromJson(bodyJson(), readerSchema);
  }

  private Map<String, Object> validatedMetadata() {
    if (topic == null || topic.isBlank()) {
      throw invalid("no topic; add .onTopic(\"<the Kafka topic the consumer reads>\")");
    }
    if (readerSchema == null) {
      throw invalid("no reader schema; add .readerSchema(YourEvent.getClassSchema()) or "
          + ".readerSchema(\"avro/YourEvent.avsc\") with the schema the consumer decodes with");
    }
    if (readerSchema.getType() != Schema.Type.RECORD) {
      throw invalid("the reader schema is a " + readerSchema.getType().getName()
          + ", but an event must be an Avro record");
    }
    Map<String, Object> keyAndHeaderMetadata = keyAndHeaders.metadata(description);
    if (body == null && keyAndHeaderMetadata.isEmpty()) {
      throw invalid("no body; add .withBody(new PactDslJsonBody()...) with the fields the consumer relies on (or "
          + "state only the key and headers it needs: withKey / withHeader)");
    }
    if (body != null) {
      checkBody();
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(ContractMetadata.CONTENT_TYPE, ContractMetadata.JSON);
    metadata.put(ContractMetadata.TOPIC, topic);
    metadata.put(ContractMetadata.READER_SCHEMA, readerSchema.toString());
    metadata.put(ContractMetadata.READER_FINGERPRINT, ContractMetadata.fingerprint(readerSchema));
    if (readerSubject != null) {
      metadata.put(ContractMetadata.READER_SUBJECT, readerSubject);
      metadata.put(ContractMetadata.READER_VERSION, readerVersion.toString());
    }
    metadata.putAll(keyAndHeaderMetadata);
    return metadata;
  }

  private void checkBody() {
    rejectGenerators();
    JsonNode example = bodyJson();
    try {
      AvroJsonView.fromJson(example, readerSchema);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("Interaction \"" + description + "\": the example body does not fit the "
          + "reader schema " + readerSchema.getFullName() + ", so no event this consumer decodes can look like "
          + "it. " + e.getMessage() + " Fix the body, or the reader schema if the consumer really reads this.", e);
    }
  }

  /** A matcher without an example makes pact-jvm invent one per run; the committed contract would never settle. */
  private void rejectGenerators() {
    TreeSet<String> generated = new TreeSet<>();
    body.getGenerators().getCategories().values().forEach((Map<String, Generator> byPath) ->
        byPath.keySet().forEach(path -> generated.add(path.startsWith("$") ? path : "$" + path)));
    if (!generated.isEmpty()) {
      throw invalid("the body has generated example values at " + generated + "; give those matchers an "
          + "example value (e.g. uuid(\"eventId\", \"2f1c...\") or timestamp(\"at\", pattern, instant)) so the "
          + "contract is the same on every run");
    }
  }

  private JsonNode bodyJson() {
    try {
      return JSON.readTree(body.getBody().serialise());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("pact-jvm serialised a body Jackson cannot read", e);
    }
  }

  private InvalidInputException invalid(String problem) {
    return new InvalidInputException("Interaction \"" + description + "\": " + problem + ".");
  }

  private record ProviderState(String name, Map<String, ?> parameters) {
  }
}
