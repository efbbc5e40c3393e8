package dev.handshake.junit5;

import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.contract.ReaderFingerprint;
import org.apache.avro.Schema;

/**
 * The message metadata keys Handshake adds to a Pact V4 message interaction (see the contract format in
 * {@code contracts/README.md}). The names are core's, which the producer's gate reads back: one stable interface.
 */
public final class ContractMetadata {
  public static final String CONTENT_TYPE = "contentType";
  public static final String TOPIC = MessageInteraction.TOPIC;
  public static final String READER_SCHEMA = MessageInteraction.READER_SCHEMA;
  public static final String READER_FINGERPRINT = MessageInteraction.READER_FINGERPRINT;
  public static final String READER_SUBJECT = MessageInteraction.READER_SUBJECT;
  public static final String READER_VERSION = MessageInteraction.READER_VERSION;

  /** The content type of the JSON view of an Avro record, the body every Handshake contract states. */
  public static final String JSON = "application/json";

  private ContractMetadata() {
  }

  /** The fingerprint the producer's gate checks the reader schema against. */
  public static String fingerprint(Schema schema) {
    return ReaderFingerprint.of(schema);
  }
}
