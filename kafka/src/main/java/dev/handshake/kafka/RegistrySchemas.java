package dev.handshake.kafka;

import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.RegistryException;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RegistryTlsException;
import dev.handshake.core.registry.RegistryUnavailableException;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SchemaNotFoundException;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.registry.SubjectNotFoundException;
import dev.handshake.kafka.HandshakeSerdeException.SerdeContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry as the serde needs it, behind bounded caches: id → schema, (subject, schema) → id and
 * subject → latest version. Once an answer is cached no registry call is made for it again, so a warm serde
 * keeps working through a registry outage. Registry failures become the serde's typed exceptions.
 */
final class RegistrySchemas {
  private final SchemaRegistry registry;
  private final BoundedCache<Integer, Schema> schemasById;
  private final BoundedCache<SubjectSchema, Integer> idsBySchema;
  private final BoundedCache<String, Latest> latestBySubject;
  /** Ids the registry said it does not have, until when (System.nanoTime()) that answer is reused. */
  private final BoundedCache<Integer, Long> missingIdsUntil;
  private final long missingIdTtlNanos;

  /** A subject's latest version: its id and parsed schema. */
  record Latest(int id, Schema schema) {
  }

  private record SubjectSchema(String subject, Schema schema) {
  }

  RegistrySchemas(SchemaRegistry registry, int capacity, int missingIdTtlSeconds) {
    this.registry = registry;
    this.missingIdsUntil = new BoundedCache<>(capacity);
    this.missingIdTtlNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(missingIdTtlSeconds);
    this.schemasById = new BoundedCache<>(capacity);
    this.idsBySchema = new BoundedCache<>(capacity);
    this.latestBySubject = new BoundedCache<>(capacity);
  }

  /** On {@code given} (a caller's client), else on a REST client for the configured URLs and credentials. */
  static RegistrySchemas of(SchemaRegistry given, HandshakeSerdeConfig config) {
    SchemaRegistry registry = given != null ? given : new RestSchemaRegistry(config.registry());
    return new RegistrySchemas(registry, config.maxSchemas(), config.missingIdCacheTtlSeconds());
  }

  String describe() {
    return registry.describe();
  }

  /** The writer schema of {@code id}, with its references resolved. */
  Schema schemaById(int id, SerdeContext context) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Long missingUntil = missingIdsUntil.get(id);
    if (missingUntil != null && System.nanoTime() - missingUntil < 0) {
      throw unknownId(id, context, null, " (remembered from an earlier answer for "
          + HandshakeSerdeConfig.MISSING_ID_CACHE_TTL_SEC + ")");
    }
    return schemasById.computeIfAbsent(id, key -> {
      try {
        return parse(registry.schemaById(id), context);
      } catch (SchemaNotFoundException e) {
        if (missingIdTtlNanos > 0) {
          missingIdsUntil.put(id, System.nanoTime() + missingIdTtlNanos);
        }
        throw unknownId(id, context, e, "");
      } catch (RuntimeException e) {
        throw translate(e, "fetching schema id " + id, context);
      }
    });
  }

  /** The id of {@code schema} under {@code subject}: registered if {@code register}, else looked up. */
  int idFor(String subject, Schema schema, boolean register, SerdeContext context) {
    return idsBySchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
      RegistrySchema content = RegistrySchema.of(schema.toString());
      try {
        if (register) {
          return registry.register(subject, content);
        }
        Optional<RegisteredSchema> found = registry.lookup(subject, content);
        return found.orElseThrow(() -> notRegistered(subject, schema, context, null)).id();
      } catch (SubjectNotFoundException | SchemaNotFoundException e) {
        throw notRegistered(subject, schema, context, e);
      } catch (HandshakeSerdeException e) {
        throw e;
      } catch (RuntimeException e) {
        throw translate(e, (register ? "registering " : "looking up ") + schema.getFullName() + " under subject \""
            + subject + "\"", context);
      }
    });
  }

  /** The latest version of {@code subject}, for {@code use.latest.version}. */
  Latest latest(String subject, SerdeContext context) {
    return latestBySubject.computeIfAbsent(subject, key -> {
      try {
        RegisteredSchema latest = registry.latest(subject);
        return new Latest(latest.id(), parse(latest.content(), context));
      } catch (SubjectNotFoundException e) {
        throw new SchemaNotRegisteredException("Subject \"" + subject + "\" has no version in the schema registry at "
            + registry.describe() + ", so use.latest.version has nothing to write with; register the schema first",
            context, e);
      } catch (HandshakeSerdeException e) {
        throw e;
      } catch (RuntimeException e) {
        throw translate(e, "fetching the latest version of subject \"" + subject + "\"", context);
      }
    });
  }

  private UnknownSchemaIdException unknownId(int id, SerdeContext context, Throwable cause, String remembered) {
    return new UnknownSchemaIdException("The schema registry at " + registry.describe() + " has no schema with id "
        + id + remembered + ": the data was written against another registry, or the schema was deleted "
        + "permanently", context, cause);
  }

  private SchemaNotRegisteredException notRegistered(String subject, Schema schema, SerdeContext context,
      Throwable cause) {
    return new SchemaNotRegisteredException("Subject \"" + subject + "\" in the schema registry at "
        + registry.describe() + " does not have the schema of " + schema.getFullName() + " and "
        + HandshakeSerdeConfig.AUTO_REGISTER_SCHEMAS + " is false: register it first (handshake register, or the "
        + "Maven plugin), or check the subject name strategy", context, cause);
  }

  private Schema parse(RegistrySchema content, SerdeContext context) {
    Schema.Parser parser = new Schema.Parser();
    try {
      addReferences(parser, content, new HashSet<>(), context);
      return parser.parse(content.schema());
    } catch (SchemaParseException e) {
      throw new UnreadablePayloadException("The schema registry at " + registry.describe() + " returned a schema "
          + "Avro cannot parse: " + e.getMessage(), context, e);
    }
  }

  /** Parses referenced schemas first, depth first, so the schema can use their named types. */
  private void addReferences(Schema.Parser parser, RegistrySchema content, Set<String> seen, SerdeContext context) {
    for (SchemaReference reference : content.references()) {
      if (seen.add(reference.subject() + "/" + reference.version())) {
        RegistrySchema referenced = registry.version(reference.subject(), reference.version()).content();
        addReferences(parser, referenced, seen, context);
        parser.parse(referenced.schema());
      }
    }
  }

  private HandshakeSerdeException translate(RuntimeException e, String what, SerdeContext context) {
    if (e instanceof HandshakeSerdeException serde) {
      return serde;
    }
    if (e instanceof RegistryUnavailableException) {
      return new RegistryUnreachableException("The schema registry could not answer while " + what + ": "
          + e.getMessage() + ". Transient: retry the record once the registry is back", context, e);
    }
    if (e instanceof RegistryTlsException) {
      return new RegistryTlsFailedException("The schema registry could not be reached over TLS while " + what + ": "
          + e.getMessage(), context, e);
    }
    if (e instanceof RegistryException) {
      return new RegistryRefusedException("The schema registry refused " + what + ": " + e.getMessage(), context, e);
    }
    throw e;
  }
}
