package dev.handshake.core.registry;

import java.util.Objects;

/**
 * A named type this schema takes from another subject, as Confluent's API models it: {@code name} is the full
 * name of the referenced type, {@code subject} and {@code version} say where its definition is registered.
 */
public record SchemaReference(String name, String subject, int version) {
  public SchemaReference {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
  }

  @Override
  public String toString() {
    return name + "=" + subject + ":" + version;
  }
}
