package dev.handshake.example.auth.consume;

import dev.handshake.example.support.Transactions;
import dev.handshake.kafka.HandshakeSerdeException;
import java.sql.SQLException;
import org.apache.kafka.common.errors.RetriableException;

/** Tells a transient failure (retry, never dead-letter) from a poison record (dead-letter, carry on). */
public final class Failures {

  private Failures() {
  }

  public static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TransientFailureException || cause instanceof RetriableException) {
        return true;
      }
      if (cause instanceof HandshakeSerdeException serde) {
        return serde.isTransient();
      }
      if (cause instanceof SQLException sql) {
        return Transactions.isTransient(sql);
      }
    }
    return false;
  }

  /** The message a dead letter records: the failure's own, or its class when it has none. */
  public static String message(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getName() : message;
  }
}
