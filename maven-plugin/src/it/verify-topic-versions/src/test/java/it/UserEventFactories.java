package it;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The producer publishes each event on two topics, v1 and v2 side by side: one factory per topic for the same
 * description, each returning the record it sends (its topic tells the gate which contract it answers).
 */
public class UserEventFactories {

  static GenericRecord userDeleted(String schemaFile) throws IOException {
    Schema schema;
    try (InputStream in = UserEventFactories.class.getResourceAsStream("/" + schemaFile)) {
      schema = new Schema.Parser().parse(in);
    }
    GenericRecord r = new GenericData.Record(schema);
    r.put("eventId", "3f0c1d9e-5a51-4c7e-9f55-1b1f7c3f0a42");
    r.put("userId", "42");
    r.put("email", "ada@example.com");
    r.put("version", 7L);
    r.put("occurredAt", 1795342530123L);
    return r;
  }

  @PactVerifyProvider("a user was deleted")
  public ProducerRecord<String, GenericRecord> userDeletedV1() throws IOException {
    return new ProducerRecord<>("user-events", "42", userDeleted("UserDeleted.avsc"));
  }

  @PactVerifyProvider("a user was deleted")
  public ProducerRecord<String, GenericRecord> userDeletedV2() throws IOException {
    return new ProducerRecord<>("user-events.v2", "42", userDeleted("v2/UserDeleted.avsc"));
  }
}
