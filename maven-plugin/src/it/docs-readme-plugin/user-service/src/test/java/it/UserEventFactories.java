package it;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** user-service's events for auth-service's three interactions, built from the repository's current schemas. */
public class UserEventFactories {

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
      r.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), "ACTIVE"));
    }
    return r;
  }

  @PactVerifyProvider("a user was created")
  public GenericRecord userCreated() throws IOException {
    return event("UserCreated.avsc", "ada@example.com");
  }

  @PactVerifyProvider("a user was updated")
  public GenericRecord userUpdated() throws IOException {
    return event("UserUpdated.avsc", "ada.lovelace@example.com");
  }

  @PactVerifyProvider("a user was deleted")
  public GenericRecord userDeleted() throws IOException {
    return event("UserDeleted.avsc", "ada@example.com");
  }
}
