package dev.handshake.core.gate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** The result file {@link FactoryForkMain} writes and {@link FactoryFork} reads. */
final class FactoryForkProtocol {
  private static final int MAGIC = 0x48534b32; // "HSK2": outcomes carry the record's topic
  private static final byte RECORD = 'R';
  private static final byte SERIALIZED = 'S';
  private static final byte FAILED = 'F';

  private FactoryForkProtocol() {
  }

  static void writeHeader(DataOutputStream out, int factories) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(factories);
  }

  static void writeOutcome(DataOutputStream out, String description, String source, EventOutcome outcome,
                           long nanos) throws IOException {
    writeString(out, description);
    writeString(out, source);
    out.writeLong(nanos);
    if (outcome instanceof EventOutcome.Record record) {
      out.writeByte(RECORD);
      writeString(out, record.schema().toString());
      writeBytes(out, record.wireBytes());
      writeEnvelope(out, record.envelope());
    } else if (outcome instanceof EventOutcome.Serialized serialized) {
      out.writeByte(SERIALIZED);
      writeBytes(out, serialized.wireBytes());
      writeEnvelope(out, serialized.envelope());
    } else {
      EventOutcome.Failed failed = (EventOutcome.Failed) outcome;
      out.writeByte(FAILED);
      writeString(out, failed.what());
      writeString(out, failed.fix());
    }
  }

  static PactVerifyProviderFactories read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a result file of FactoryForkMain");
    }
    List<PactVerifyProviderFactories.Named> factories = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      String description = readString(in);
      String source = readString(in);
      Duration callTime = Duration.ofNanos(in.readLong());
      byte kind = in.readByte();
      EventOutcome outcome = switch (kind) {
        case RECORD -> {
          Schema schema = new Schema.Parser().parse(readString(in));
          yield new EventOutcome.Record(readBytes(in), schema, readEnvelope(in));
        }
        case SERIALIZED -> new EventOutcome.Serialized(readBytes(in), readEnvelope(in));
        case FAILED -> new EventOutcome.Failed(readString(in), readString(in));
        default -> throw new IOException("unknown outcome kind " + kind);
      };
      factories.add(new PactVerifyProviderFactories.Named(description,
          new FactoryFork.ForkedFactory(source, outcome, callTime)));
    }
    return PactVerifyProviderFactories.of(factories);
  }

  private static void writeEnvelope(DataOutputStream out, RecordEnvelope envelope) throws IOException {
    out.writeBoolean(envelope.whole());
    writeNullableBytes(out, envelope.topic() == null ? null : envelope.topic().getBytes(StandardCharsets.UTF_8));
    writeNullableBytes(out, envelope.key());
    writeString(out, envelope.keySchema() == null ? "" : envelope.keySchema().toString());
    out.writeInt(envelope.headers().size());
    for (ProducedRecord.Header header : envelope.headers()) {
      writeString(out, header.name());
      writeNullableBytes(out, header.value());
    }
  }

  private static RecordEnvelope readEnvelope(DataInputStream in) throws IOException {
    boolean whole = in.readBoolean();
    byte[] topic = readNullableBytes(in);
    byte[] key = readNullableBytes(in);
    String keySchema = readString(in);
    List<ProducedRecord.Header> headers = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      headers.add(new ProducedRecord.Header(readString(in), readNullableBytes(in)));
    }
    return new RecordEnvelope(whole, topic == null ? null : new String(topic, StandardCharsets.UTF_8), key, keySchema.isEmpty() ? null : new Schema.Parser().parse(keySchema),
        headers);
  }

  private static void writeNullableBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeBoolean(bytes != null);
    if (bytes != null) {
      writeBytes(out, bytes);
    }
  }

  private static byte[] readNullableBytes(DataInputStream in) throws IOException {
    return in.readBoolean() ? readBytes(in) : null;
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }
}
