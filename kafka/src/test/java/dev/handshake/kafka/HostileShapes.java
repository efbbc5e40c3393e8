package dev.handshake.kafka;

import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryData;

/**
 * Records a hostile producer writes for a given schema rather than random bytes: valid Avro framing whose shape
 * costs the reader work (zero-byte items, deep recursion) or whose values break a logical type. Each shape is a
 * writer record {@code {kept: T, dropped: T, tail: int}} and a reader {@code {kept: T, tail: int}}, so the same
 * hostile value is tried where the reader decodes it ({@code kept}) and where it skips it ({@code dropped}).
 */
enum HostileShapes {
  NULL_ARRAY("{\"type\": \"array\", \"items\": \"null\"}", null, false),
  EMPTY_RECORD_ARRAY("{\"type\": \"array\", \"items\": {\"type\": \"record\", \"name\": \"Empty\", \"fields\": []}}",
      "{\"type\": \"array\", \"items\": \"Empty\"}", false),
  NULL_MAP("{\"type\": \"map\", \"values\": \"null\"}", null, false),
  EMPTY_RECORD_MAP("{\"type\": \"map\", \"values\": {\"type\": \"record\", \"name\": \"Nothing\", \"fields\": []}}",
      "{\"type\": \"map\", \"values\": \"Nothing\"}", false),
  RECURSION("[\"null\", {\"type\": \"record\", \"name\": \"Node\", \"fields\": [{\"name\": \"next\", "
      + "\"type\": [\"null\", \"Node\"]}]}]", "[\"null\", \"Node\"]", false),
  UUID_STRING("{\"type\": \"string\", \"logicalType\": \"uuid\"}", null, true),
  TIME_MILLIS("{\"type\": \"int\", \"logicalType\": \"time-millis\"}", null, true),
  TIME_MICROS("{\"type\": \"long\", \"logicalType\": \"time-micros\"}", null, true),
  DECIMAL("{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 9, \"scale\": 2}", null, true);

  /** Where the hostile value goes. */
  enum Position { KEPT, DROPPED }

  private final String keptType;
  private final String droppedType;
  private final boolean logical;

  HostileShapes(String keptType, String droppedType, boolean logical) {
    this.keptType = keptType;
    this.droppedType = droppedType == null ? keptType : droppedType;
    this.logical = logical;
  }

  /** True for the logical types, read with {@code avro.use.logical.type.converters=true}. */
  boolean logical() {
    return logical;
  }

  String recordName() {
    return "Hostile" + name().replace("_", "");
  }

  Schema writer() {
    return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"" + recordName()
        + "\", \"namespace\": \"dev.handshake.hostile\", \"fields\": [{\"name\": \"kept\", \"type\": " + keptType
        + "}, {\"name\": \"dropped\", \"type\": " + droppedType + "}, {\"name\": \"tail\", \"type\": \"int\"}]}");
  }

  /** The reader schema: the same record without {@code dropped}, which Avro then skips. */
  String reader() {
    return "{\"type\": \"record\", \"name\": \"" + recordName() + "\", \"namespace\": \"dev.handshake.hostile\", "
        + "\"fields\": [{\"name\": \"kept\", \"type\": " + keptType + "}, {\"name\": \"tail\", \"type\": \"int\"}]}";
  }

  /** {@code payload} framed with the id of this shape's writer, registered in the registry at {@code url}. */
  byte[] frame(String registryUrl, byte[] payload) {
    int id = RestSchemaRegistry.of(registryUrl).register("hostile-" + recordName(),
        RegistrySchema.of(writer().toString()));
    return WireFormat.frame(id, payload);
  }

  /** A payload (no frame) with a hostile value at {@code position} and a harmless one in the other field. */
  byte[] payload(Position position, Random random, int targetBytes) {
    return payloadWith(position, out -> hostile(out, random, targetBytes));
  }

  /** A payload (no frame) with the value {@code hostile} writes at {@code position}, a harmless one elsewhere. */
  byte[] payloadWith(Position position, Consumer<Avro> hostile) {
    Avro out = new Avro();
    if (position == Position.KEPT) {
      hostile.accept(out);
      harmless(out);
    } else {
      harmless(out);
      hostile.accept(out);
    }
    out.varint(7); // tail
    return out.toByteArray();
  }

  /**
   * The array shapes' payload from the issue: blocks of zero-byte items, each declaring exactly as many items as
   * bytes are left after its count, about {@code payloadBytes} in all.
   */
  byte[] blocksClaimingEveryByteLeft(Position position, int payloadBytes) {
    int after = position == Position.KEPT ? 3 : 2; // the terminator, then "dropped" if harmless, and the tail
    List<Long> counts = new ArrayList<>();
    long left = after;
    while (left < payloadBytes) {
      counts.add(left);
      left += varintLength(left);
    }
    Collections.reverse(counts);
    return payloadWith(position, out -> {
      counts.forEach(out::varint);
      out.varint(0);
    });
  }

  /** The recursion shape's payload: {@code depth} nested Nodes. */
  byte[] nestedPayload(Position position, int depth) {
    return payloadWith(position, out -> nested(out, depth));
  }

  private static int varintLength(long value) {
    return BinaryData.encodeLong(value, new byte[10], 0);
  }

  private void harmless(Avro out) {
    switch (this) {
      case RECURSION -> out.varint(0); // the null branch
      case UUID_STRING -> out.string("9b0c8f3e-5d0c-4bb7-9a57-5f4c1f6f1e2a");
      case TIME_MILLIS, TIME_MICROS -> out.varint(1000);
      case DECIMAL -> out.bytes(new byte[] {1});
      default -> out.varint(0); // an empty array or map
    }
  }

  private void hostile(Avro out, Random random, int targetBytes) {
    switch (this) {
      case NULL_ARRAY, EMPTY_RECORD_ARRAY -> zeroByteBlocks(out, random, targetBytes, false);
      case NULL_MAP, EMPTY_RECORD_MAP -> zeroByteBlocks(out, random, targetBytes, true);
      case RECURSION -> nested(out, random.nextInt(2) == 0 ? random.nextInt(200) : random.nextInt(targetBytes + 1));
      case UUID_STRING -> out.string(switch (random.nextInt(4)) {
        case 0 -> new UUID(random.nextLong(), random.nextLong()).toString();
        case 1 -> "not-a-uuid-" + random.nextInt(1000);
        case 2 -> "";
        default -> "1-2-3-4-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
      });
      case TIME_MILLIS -> out.varint(switch (random.nextInt(3)) {
        case 0 -> random.nextInt(86_400_000);
        case 1 -> -1 - random.nextInt(Integer.MAX_VALUE);
        default -> 86_400_000 + random.nextInt(Integer.MAX_VALUE - 86_400_000);
      });
      case TIME_MICROS -> out.varint(random.nextBoolean() ? random.nextLong() : random.nextLong() % 86_400_000_000L);
      case DECIMAL -> out.bytes(random.nextBoolean() ? new byte[0] : randomBytes(random, random.nextInt(40)));
    }
  }

  /**
   * Blocks of zero-byte items (nulls, empty records) filling about {@code targetBytes}, most of them declaring as
   * many items as bytes are left, the shape that passes a per-block "count within the bytes left" check again and
   * again; some declare fewer, some carry a byte size (a negative count, as Avro writes blocks it can skip). In a
   * map each item still has its key, here an empty string of one byte.
   */
  private static void zeroByteBlocks(Avro out, Random random, int targetBytes, boolean map) {
    int blocksEnd = out.size() + targetBytes;
    while (out.size() < blocksEnd) {
      // Conservative: the tail after the blocks is at least their terminator, so this many bytes are left.
      long left = Math.max(0, blocksEnd - out.size() - 5);
      long count = random.nextInt(4) == 0 ? random.nextInt((int) left + 1) : left;
      if (map) {
        count = Math.min(count, 1 + random.nextInt(16));
        out.varint(count);
        for (long i = 0; i < count; i++) {
          out.varint(0); // key ""
        }
      } else if (random.nextInt(8) == 0) {
        out.varint(-count);
        out.varint(0); // the block's size: its items take no bytes
      } else {
        out.varint(count);
      }
    }
    out.varint(0);
  }

  /** {@code depth} levels of the union's Node branch, then null. */
  private static void nested(Avro out, int depth) {
    for (int i = 0; i < depth; i++) {
      out.varint(1);
    }
    out.varint(0);
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Avro's binary encoding of the few things these shapes write: zig-zag varints, strings and bytes. */
  static final class Avro {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Avro varint(long value) {
      byte[] buffer = new byte[10];
      bytes.write(buffer, 0, BinaryData.encodeLong(value, buffer, 0));
      return this;
    }

    Avro string(String text) {
      return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    Avro bytes(byte[] value) {
      varint(value.length);
      bytes.write(value, 0, value.length);
      return this;
    }

    int size() {
      return bytes.size();
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }
}
