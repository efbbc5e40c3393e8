package dev.handshake.maven;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.SchemaReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code <reference>} of the {@code <references>} parameter, named as Confluent's
 * kafka-schema-registry-maven-plugin names it: the full {@code name} of a type the schema uses, and the
 * {@code subject} and {@code version} its definition is registered under.
 * <pre>{@code
 * <references>
 *   <dev.example.Order>
 *     <reference><name>dev.example.Address</name><subject>dev.example.Address</subject><version>1</version></reference>
 *   </dev.example.Order>
 * </references>}</pre>
 */
public class Reference {
  String name;
  String subject;
  Integer version;

  /** The references configured for {@code subject}, checked: every field is required, versions count from 1. */
  static List<SchemaReference> of(Map<String, List<Reference>> references, String subject) {
    List<SchemaReference> out = new ArrayList<>();
    if (references == null || references.get(subject) == null) {
      return out;
    }
    for (Reference reference : references.get(subject)) {
      String where = "<references><" + subject + "><reference>";
      if (reference == null || blank(reference.name) || blank(reference.subject) || reference.version == null) {
        throw new InvalidInputException(where + " needs <name> (the referenced type's full name), <subject> and "
            + "<version> (where it is registered), e.g. <name>dev.example.Address</name><subject>"
            + "dev.example.Address</subject><version>1</version>");
      }
      if (reference.version < 1) {
        throw new InvalidInputException(where + " " + reference.name + ": <version> must count from 1, got "
            + reference.version);
      }
      out.add(new SchemaReference(reference.name.trim(), reference.subject.trim(), reference.version));
    }
    return out;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
