package dev.handshake.registry.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.handshake.registry.json.Json;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /subjects} with Confluent's {@code subjectPrefix}, {@code deleted}, {@code deletedOnly},
 * {@code offset} and {@code limit}, streamed: names are fetched from the store a page at a time (each page under
 * the read lock, never the whole listing) and written to the client as they come, so 10,000 subjects cost a page
 * of memory, not the whole answer, and a slow reader holds no lock.
 */
public record SubjectListing(RegistryStore store, String prefix, boolean deleted, boolean deletedOnly, int offset,
                      int limit) {
  static final int PAGE = 512;

  static SubjectListing of(RegistryStore store, Map<String, String> query) throws ApiException {
    return new SubjectListing(store, prefix(query), "true".equalsIgnoreCase(query.get("deleted")),
        "true".equalsIgnoreCase(query.get("deletedOnly")), number(query, "offset", 0),
        number(query, "limit", -1));
  }

  static String prefix(Map<String, String> query) {
    String prefix = query.getOrDefault("subjectPrefix", "");
    // Confluent's "every context" default; a bare "?subjectPrefix" has no value either.
    return prefix.equals(":*:") || prefix.equals("true") ? "" : prefix;
  }

  /** Confluent's {@code offset} (0 or more) and {@code limit} (0 or more, -1 = all); anything else is a 400. */
  static int number(Map<String, String> query, String name, int otherwise) throws ApiException {
    String text = query.get(name);
    if (text == null) {
      return otherwise;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= -1 && !(value == -1 && name.equals("offset"))) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiException(400, 400, "Invalid query parameter " + name + "=" + text + ": "
        + (name.equals("offset") ? "a number of subjects to skip, 0 or more" : "a maximum number of subjects, "
        + "0 or more, or -1 for all"));
  }

  Response response() {
    return Response.streamed(out -> {
      try (JsonGenerator json = Json.generator(out)) {
        json.writeStartArray();
        int skipped = 0;
        long sent = 0;
        String after = null;
        while (limit < 0 || sent < limit) {
          List<String> page = store.queries().subjectsPage(prefix, after, PAGE, deleted, deletedOnly);
          for (String subject : page) {
            if (skipped < offset) {
              skipped++;
            } else if (limit < 0 || sent < limit) {
              json.writeString(subject);
              sent++;
            }
          }
          if (page.size() < PAGE) {
            break;
          }
          after = page.get(page.size() - 1);
        }
        json.writeEndArray();
      }
    });
  }
}
