package dev.handshake.core.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The facts a finding carries for a reader to act on (direction, versions compared, consumer, interaction...).
 * Those code acts on are typed (the consumer, the reader schema's full name, the writer schema's file, the
 * subject); every fact, typed or not, is also rendered in the order given, as the reports print them.
 */
public final class Facts {
  public static final Facts NONE = new Facts(Map.of(), null, null, null, null);

  private final Map<String, String> rendered;
  private final String consumer;
  private final String readerSchema;
  private final String writerSchema;
  private final String subject;

  private Facts(Map<String, String> rendered, String consumer, String readerSchema, String writerSchema,
                String subject) {
    this.rendered = Collections.unmodifiableMap(new LinkedHashMap<>(rendered));
    this.consumer = consumer;
    this.readerSchema = readerSchema;
    this.writerSchema = writerSchema;
    this.subject = subject;
  }

  /** Facts only reports read, in the order given: key, value, key, value... */
  public static Facts of(String... keysAndValues) {
    Facts facts = NONE;
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      facts = facts.and(keysAndValues[i], keysAndValues[i + 1]);
    }
    return facts;
  }

  /** These facts and one more that only reports read (it replaces one of the same name). */
  public Facts and(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(rendered);
    more.put(key, value);
    return new Facts(more, consumer, readerSchema, writerSchema, subject);
  }

  public Facts consumer(String name) {
    return and("consumer", name).typed(name, readerSchema, writerSchema, subject);
  }

  /** The reader schema's full name (the record a consumer's contract reads). */
  public Facts readerSchema(String fullName) {
    return and("readerSchema", fullName).typed(consumer, fullName, writerSchema, subject);
  }

  /** The writer schema's file, as the project displays it. */
  public Facts writerSchema(String displayPath) {
    return and("writerSchema", displayPath).typed(consumer, readerSchema, displayPath, subject);
  }

  public Facts subject(String name) {
    return and("subject", name).typed(consumer, readerSchema, writerSchema, name);
  }

  /** These facts, then those of {@code more} that these do not have. */
  public Facts withDefaults(Facts more) {
    Map<String, String> merged = new LinkedHashMap<>(rendered);
    more.rendered.forEach(merged::putIfAbsent);
    return new Facts(merged, consumer != null ? consumer : more.consumer,
        readerSchema != null ? readerSchema : more.readerSchema,
        writerSchema != null ? writerSchema : more.writerSchema, subject != null ? subject : more.subject);
  }

  public Optional<String> consumer() {
    return Optional.ofNullable(consumer);
  }

  public Optional<String> readerSchema() {
    return Optional.ofNullable(readerSchema);
  }

  public Optional<String> writerSchema() {
    return Optional.ofNullable(writerSchema);
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /** Every fact as reports print it, in order. */
  public Map<String, String> rendered() {
    return rendered;
  }

  private Facts typed(String consumer, String readerSchema, String writerSchema, String subject) {
    return new Facts(rendered, consumer, readerSchema, writerSchema, subject);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Facts facts && rendered.equals(facts.rendered);
  }

  @Override
  public int hashCode() {
    return rendered.hashCode();
  }

  @Override
  public String toString() {
    return rendered.toString();
  }
}
