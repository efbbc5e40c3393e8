package dev.handshake.core.gate;

import org.apache.avro.Schema;

/**
 * Carries an Avro JSON pointer from the reader's schema over to the writer's, field by field name, so a
 * static finding can point into the producer's own {@code .avsc}. Where the writer has no counterpart (a
 * removed field), it stops at the nearest enclosing part the writer does have.
 */
final class SchemaPointers {
  private SchemaPointers() {
  }

  static String translate(Schema reader, Schema writer, String readerPointer) {
    String[] segments = readerPointer.split("/");
    StringBuilder out = new StringBuilder();
    Schema r = reader;
    Schema w = writer;
    for (int i = 1; i < segments.length && r != null && w != null; i++) {
      String segment = segments[i];
      switch (segment) {
        case "fields" -> {
          if (i + 1 >= segments.length || r.getType() != Schema.Type.RECORD || w.getType() != Schema.Type.RECORD) {
            return out.toString();
          }
          int index = Integer.parseInt(segments[++i]);
          if (index >= r.getFields().size()) {
            return out.toString();
          }
          Schema.Field readerField = r.getFields().get(index);
          Schema.Field writerField = w.getField(readerField.name());
          if (writerField == null) {
            for (String alias : readerField.aliases()) {
              writerField = w.getField(alias);
              if (writerField != null) {
                break;
              }
            }
          }
          if (writerField == null) {
            return out.append("/fields").toString();
          }
          out.append("/fields/").append(writerField.pos());
          r = readerField.schema();
          w = writerField.schema();
        }
        case "type" -> out.append("/type");
        case "items" -> {
          if (r.getType() != Schema.Type.ARRAY || w.getType() != Schema.Type.ARRAY) {
            return out.toString();
          }
          out.append("/items");
          r = r.getElementType();
          w = w.getElementType();
        }
        case "values" -> {
          if (r.getType() != Schema.Type.MAP || w.getType() != Schema.Type.MAP) {
            return out.toString();
          }
          out.append("/values");
          r = r.getValueType();
          w = w.getValueType();
        }
        case "symbols" -> {
          return w.getType() == Schema.Type.ENUM ? out.append("/symbols").toString() : out.toString();
        }
        default -> {
          return out.toString();
        }
      }
    }
    return out.toString();
  }
}
