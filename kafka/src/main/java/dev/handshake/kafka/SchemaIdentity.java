package dev.handshake.kafka;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A cache key (a subject, or another scope) that compares its schema by identity. Avro's {@code Schema.equals} walks the whole schema (and
 * allocates while doing so) whenever two instances differ, which on the per-record path costs more than the
 * encoding itself; records built from one parsed schema hit this key at the cost of a pointer comparison.
 */
record SchemaIdentity(String scope, Schema schema) {
  @Override
  public boolean equals(Object other) {
    return other instanceof SchemaIdentity that && that.schema == schema && Objects.equals(that.scope, scope);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(scope) + System.identityHashCode(schema);
  }
}
