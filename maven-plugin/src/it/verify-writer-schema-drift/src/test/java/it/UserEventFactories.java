package it;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** The producer's event factories, found by the consumer's interaction description. */
public class UserEventFactories {

  static Schema schema(String file) throws IOException {
    try (InputStream in = UserEventFactories.class.getResourceAsStream("/" + file)) {
      return new Schema.Parser().parse(in);
    }
  }

  /** As a class generated before schemas/UserDeleted.avsc gained "reason" would carry it. */
  static Schema staleGeneratedSchema() throws IOException {
    Schema file = schema("UserDeleted.avsc");
    java.util.List<Schema.Field> fields = file.getFields().stream().filter(f -> !f.name().equals("reason"))
        .map(f -> new Schema.Field(f, f.schema())).toList();
    return Schema.createRecord(file.getName(), file.getDoc(), file.getNamespace(), false, fields);
  }

  @PactVerifyProvider("a user was deleted")
  public GenericRecord userDeleted() throws IOException {
    GenericRecord r = new GenericData.Record(staleGeneratedSchema());
    r.put("eventId", "3f0c1d9e-5a51-4c7e-9f55-1b1f7c3f0a42");
    r.put("userId", "42");
    r.put("email", "ada@example.com");
    r.put("version", 7L);
    r.put("occurredAt", 1795342530123L);
    return r;
  }
}
