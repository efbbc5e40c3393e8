package dev.handshake.registry.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.handshake.registry.json.Json;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Confluent's {@code GET /schemas}: every (live, or with {@code deleted} every) subject version with its schema,
 * filtered by {@code subjectPrefix}, {@code latestOnly}, paged by {@code offset} and {@code limit}. The largest
 * answer the registry gives (every schema text), so it is streamed: pages of at most {@link #PAGE_BYTES} of
 * schema text (plus one schema) are read under the lock (texts from the log) and written out before the next.
 */
public record SchemaListing(RegistryStore store, String prefix, boolean deleted, boolean latestOnly, int offset,
                     int limit) {
  static final int PAGE_BYTES = 256 * 1024;
  /** What one listing in progress may hold: a page, one schema past it, and the JSON being written. */
  static final long HEAP_PER_LISTING = 2L * PAGE_BYTES + HttpLimits.DEFAULT.maxBody();

  static SchemaListing of(RegistryStore store, Map<String, String> query) throws ApiException {
    return new SchemaListing(store, SubjectListing.prefix(query), "true".equalsIgnoreCase(query.get("deleted")),
        "true".equalsIgnoreCase(query.get("latestOnly")), SubjectListing.number(query, "offset", 0),
        SubjectListing.number(query, "limit", -1));
  }

  Response response() {
    return Response.streamed(out -> {
      try (JsonGenerator json = Json.generator(out)) {
        json.writeStartArray();
        int skipped = 0;
        long sent = 0;
        StoreQueries.SchemasCursor next = null;
        do {
          StoreQueries.SchemasPage page;
          try {
            page = store.queries().schemasPage(prefix, next, PAGE_BYTES, deleted, latestOnly);
          } catch (ApiException e) {
            // Headers are sent: the client sees a truncated answer, not a wrong one.
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
          }
          for (RegistryStore.Registered version : page.versions()) {
            if (skipped < offset) {
              skipped++;
            } else if (limit < 0 || sent < limit) {
              Json.write(json, ApiRoutes.versionJson(version));
              sent++;
            }
          }
          next = page.next();
        } while (next != null && (limit < 0 || sent < limit));
        json.writeEndArray();
      }
    });
  }
}
