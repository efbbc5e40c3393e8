package dev.handshake.core.contract;

import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The reader-schema fingerprint a contract states in {@code handshake.readerFingerprint}: written by the
 * consumer side, checked by the gate, so both must compute it here.
 */
public final class ReaderFingerprint {
  private ReaderFingerprint() {
  }

  /**
   * {@code SHA-256:<hex>} of the schema's parsing canonical form: equal for schemas Avro treats as the same
   * (docs, attribute order and whitespace aside), so a hand-edited reader schema in a contract shows.
   */
  public static String of(Schema schema) {
    try {
      return "SHA-256:" + HexFormat.of().formatHex(SchemaNormalization.parsingFingerprint("SHA-256", schema));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
