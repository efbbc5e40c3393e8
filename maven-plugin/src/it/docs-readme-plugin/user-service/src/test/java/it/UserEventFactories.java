package it;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * user-service's records for auth-service's interactions, built from the repository's current schemas: the key
 * (the user id) and the position header auth-service's contracts state, beside the event. One factory per
 * description and published version: v1 on user-events (auth-service 0.1.0's released contract reads it), v2 on
 * user-events.v2 (the current contract's).
 */
public class UserEventFactories {

  static ProducerRecord<String, GenericRecord> record(String file, String email) throws IOException {
    String topic = file.startsWith("v2/") ? "user-events.v2" : "user-events";
    ProducerRecord<String, GenericRecord> record = new ProducerRecord<>(topic, "42", event(file, email));
    record.headers().add("position", "17".getBytes(StandardCharsets.UTF_8));
    return record;
  }

  static GenericRecord event(String file, String email) throws IOException {
    Schema schema;
    try (InputStream in = UserEventFactories.class.getResourceAsStream("/" + file)) {
      schema = new Schema.Parser().parse(in);
    }
    GenericRecord r = new GenericData.Record(schema);
    r.put("eventId", "3f0c1d9e-5a51-4c7e-9f55-1b1f7c3f0a42");
    r.put("userId", "42");
    r.put("email", email);
    r.put("version", 2L);
    r.put("occurredAt", 1795342530123L);
    if (schema.getField("displayName") != null) {
      r.put("displayName", "Ada");
    }
    if (schema.getField("givenName") != null) {
      r.put("givenName", "Ada");
      r.put("familyName", "Lovelace");
    }
    if (schema.getField("status") != null) {
      r.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), "ACTIVE"));
    }
    return r;
  }

  @PactVerifyProvider("a user was created")
  public ProducerRecord<String, GenericRecord> userCreated() throws IOException {
    return record("UserCreated.avsc", "ada@example.com");
  }

  @PactVerifyProvider("a user was updated")
  public ProducerRecord<String, GenericRecord> userUpdated() throws IOException {
    return record("UserUpdated.avsc", "ada.lovelace@example.com");
  }

  @PactVerifyProvider("a user was deleted")
  public ProducerRecord<String, GenericRecord> userDeleted() throws IOException {
    return record("UserDeleted.avsc", "ada@example.com");
  }

  @PactVerifyProvider("a user was created")
  public ProducerRecord<String, GenericRecord> userCreatedV2() throws IOException {
    return record("v2/UserCreated.avsc", "ada@example.com");
  }

  @PactVerifyProvider("a user was updated")
  public ProducerRecord<String, GenericRecord> userUpdatedV2() throws IOException {
    return record("v2/UserUpdated.avsc", "ada.lovelace@example.com");
  }

  @PactVerifyProvider("a user was deleted")
  public ProducerRecord<String, GenericRecord> userDeletedV2() throws IOException {
    return record("v2/UserDeleted.avsc", "ada@example.com");
  }
}
