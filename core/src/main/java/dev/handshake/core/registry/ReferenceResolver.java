package dev.handshake.core.registry;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the schemas a registered schema references (Confluent references), from any {@link SchemaRegistry}. */
public final class ReferenceResolver {
  private final SchemaRegistry registry;
  private final SchemaLoader loader = new SchemaLoader();
  private final Map<String, SchemaFile> resolved = new HashMap<>();

  public ReferenceResolver(SchemaRegistry registry) {
    this.registry = registry;
  }

  /** Parses referenced schemas, dependencies first, each once, as the registry resolves them. */
  public List<SchemaFile> resolve(List<SchemaReference> references) {
    Map<String, SchemaFile> ordered = new LinkedHashMap<>();
    for (SchemaReference reference : references) {
      collect(reference, ordered, new ArrayList<>());
    }
    return List.copyOf(ordered.values());
  }

  private void collect(SchemaReference reference, Map<String, SchemaFile> ordered, List<String> path) {
    String key = reference.subject() + ":" + reference.version();
    if (ordered.containsKey(key)) {
      return;
    }
    if (path.contains(key)) {
      throw new InvalidInputException("schema references form a cycle: "
          + String.join(" -> ", path) + " -> " + key);
    }
    path.add(key);
    RegisteredSchema registered = registry.version(reference.subject(), reference.version());
    for (SchemaReference inner : registered.references()) {
      collect(inner, ordered, path);
    }
    path.remove(path.size() - 1);
    SchemaFile file = resolved.computeIfAbsent(key, k -> {
      SchemaFile parsed = loader.parse(registry.sourceOf(reference.subject(), reference.version()),
          registered.schema(), List.copyOf(ordered.values()));
      return registry.servesFiles() ? parsed : parsed.servedByRegistry();
    });
    ordered.put(key, file);
  }
}
