package dev.handshake.kafka;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How the subject a schema is registered under is named, as Confluent's three strategies do. Configured by
 * short name ({@code RecordNameStrategy}), this enum's constant, or Confluent's class name
 * ({@code io.confluent.kafka.serializers.subject.RecordNameStrategy}), so a Confluent configuration works as is.
 */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (Confluent's default). */
  TOPIC_NAME("TopicNameStrategy"),
  /** The record's full name: one lineage per event type, several types per topic. */
  RECORD_NAME("RecordNameStrategy"),
  /** {@code <topic>-<record full name>}: per event type and topic. */
  TOPIC_RECORD_NAME("TopicRecordNameStrategy");

  private final String shortName;

  SubjectNameStrategy(String shortName) {
    this.shortName = shortName;
  }

  public String shortName() {
    return shortName;
  }

  /** The subject for {@code schema} written to {@code topic}; primitives use their type name as Confluent does. */
  public String subject(String topic, boolean isKey, Schema schema) {
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case RECORD_NAME -> schema.getFullName();
      case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
    };
  }

  /**
   * Parses a configured value: a short name, a constant name, or any class name ending in a short name
   * (Confluent's {@code io.confluent.kafka.serializers.subject.*} and Handshake's own). Null when unknown.
   */
  static SubjectNameStrategy parse(String value) {
    String simple = value.substring(value.lastIndexOf('.') + 1).trim();
    for (SubjectNameStrategy strategy : values()) {
      if (strategy.shortName.equalsIgnoreCase(simple) || strategy.name().equals(simple.toUpperCase(Locale.ROOT))) {
        return strategy;
      }
    }
    return null;
  }
}
