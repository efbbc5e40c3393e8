package it;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The producer's record factory: the whole Kafka record, as the production code builds it. */
public class UserEventFactories {

  static Schema schema(String file) throws IOException {
    try (InputStream in = UserEventFactories.class.getResourceAsStream("/" + file)) {
      return new Schema.Parser().parse(in);
    }
  }

  @PactVerifyProvider("a user was deleted")
  public ProducerRecord<Long, GenericRecord> userDeleted() throws IOException {
    GenericRecord r = new GenericData.Record(schema("UserDeleted.avsc"));
    r.put("eventId", "3f0c1d9e-5a51-4c7e-9f55-1b1f7c3f0a42");
    r.put("userId", "42");
    r.put("email", "ada@example.com");
    r.put("version", 7L);
    r.put("occurredAt", 1795342530123L);
    r.put("displayName", "Zo\u00e9");
    // the key became a number (LongSerializer: 8 bytes) and the "type" header is no longer sent
    ProducerRecord<Long, GenericRecord> record = new ProducerRecord<>("user-events", 42L, r);
    record.headers().add("position", "17".getBytes(StandardCharsets.UTF_8));
    return record;
  }
}
