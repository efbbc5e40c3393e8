package dev.handshake.junit5;

import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The message metadata keys Handshake adds to a Pact V4 message interaction (see the contract format in
 * {@code contracts/README.md}). The producer's gate reads them back, so their names are a stable interface.
 */
public final class ContractMetadata {
  public static final String CONTENT_TYPE = "contentType";
  public static final String TOPIC = "handshake.topic";
  public static final String READER_SCHEMA = "handshake.readerSchema";
  public static final String READER_FINGERPRINT = "handshake.readerFingerprint";
  public static final String READER_SUBJECT = "handshake.readerSubject";
  public static final String READER_VERSION = "handshake.readerVersion";

  /** The content type of the JSON view of an Avro record, the body every Handshake contract states. */
  public static final String JSON = "application/json";

  private ContractMetadata() {
  }

  /**
   * {@code SHA-256:<hex>} of the schema's parsing canonical form: equal for schemas Avro treats as the same
   * (docs, field order of attributes, whitespace aside), so a hand-edited reader schema in a contract shows.
   */
  public static String fingerprint(Schema schema) {
    try {
      return "SHA-256:" + HexFormat.of().formatHex(SchemaNormalization.parsingFingerprint("SHA-256", schema));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
