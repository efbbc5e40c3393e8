package it;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** The producer's event factories, found by the consumer's interaction description. */
public class UserEventFactories {

  static Schema schema(String file) throws IOException {
    try (InputStream in = UserEventFactories.class.getResourceAsStream("/" + file)) {
      return new Schema.Parser().parse(in);
    }
  }

  /** The bytes the production serializer writes: Kafka wire format, schema id 7, Avro binary. */
  @PactVerifyProvider("a user was deleted")
  public byte[] userDeletedAsSent() throws IOException {
    Schema schema = schema("UserDeleted.avsc");
    GenericRecord r = new GenericData.Record(schema);
    r.put("eventId", "3f0c1d9e-5a51-4c7e-9f55-1b1f7c3f0a42");
    r.put("userId", "42");
    r.put("email", "ada@example.com");
    r.put("version", 7L);
    r.put("occurredAt", 1795342530123L);
    r.put("displayName", "Zo\u00e9");  // the consumer expects "Zo\u00eb"
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(7).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(r, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
