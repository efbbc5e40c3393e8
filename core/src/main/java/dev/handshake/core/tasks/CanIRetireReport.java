package dev.handshake.core.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.tasks.CanIRetireOutcome.InteractionRead;
import dev.handshake.core.tasks.CanIRetireOutcome.TopicReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** can-i-retire.json: the answer for tools (a pipeline step deciding whether to drop a topic). */
final class CanIRetireReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CanIRetireReport() {
  }

  static void writeJson(Path file, CanIRetireConfiguration config, CanIRetireOutcome.Verdict verdict,
                        List<TopicReader> readers, List<String> unknowns, String summary) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("producer", config.producer());
    root.put("topic", config.topic());
    root.put("environment", config.environment());
    root.put("verdict", verdict.name().toLowerCase(Locale.ROOT));
    root.put("retirable", verdict == CanIRetireOutcome.Verdict.YES);
    ArrayNode readerNodes = root.putArray("readers");
    for (TopicReader reader : readers) {
      ObjectNode node = readerNodes.addObject();
      node.put("consumer", reader.consumer());
      node.put("version", reader.version());
      ArrayNode interactions = node.putArray("interactions");
      for (InteractionRead read : reader.interactions()) {
        ObjectNode interaction = interactions.addObject();
        interaction.put("description", read.description());
        interaction.put("contract", read.contract());
        ArrayNode fields = interaction.putArray("fields");
        read.fields().forEach(fields::add);
      }
    }
    ArrayNode unknownNodes = root.putArray("unknowns");
    unknowns.forEach(unknownNodes::add);
    root.put("summary", summary);
    Files.createDirectories(file.getParent());
    Files.writeString(file, MAPPER.writeValueAsString(root) + "\n");
  }
}
