package dev.handshake.core.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The field-usage map as JSON ({@code usage.json}); the fields are documented in docs/usage.md. */
public final class UsageJsonWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private UsageJsonWriter() {
  }

  public static String write(UsageMap map) {
    try {
      return MAPPER.writeValueAsString(json(map)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode json(UsageMap map) {
    ObjectNode root = MAPPER.createObjectNode();
    map.consumers().forEach(root.putArray("consumers")::add);
    ArrayNode fields = root.putArray("fields");
    for (FieldUsage field : map.fields()) {
      ObjectNode node = fields.addObject();
      node.put("subject", field.subject());
      node.put("path", field.path());
      node.put("file", field.file());
      node.put("pointer", field.pointer());
      node.put("type", field.type());
      node.put("written", field.written());
      field.removedFrom().ifPresent(f -> node.put("removedFrom", f));
      node.put("verdict", field.verdict().name());
      node.put("advice", field.advice());
      ArrayNode consumers = node.putArray("consumers");
      for (ConsumerUse use : field.consumers()) {
        ObjectNode c = consumers.addObject();
        c.put("consumer", use.consumer());
        c.put("use", use.use().name());
        use.readerDefault().ifPresent(d -> c.put("readerDefault", d));
        if (!use.topics().isEmpty()) {
          use.topics().forEach(c.putArray("topics")::add);
        }
      }
    }
    map.unmatched().forEach(root.putArray("unmatchedReaders")::add);
    return root;
  }
}
