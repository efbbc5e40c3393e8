package dev.handshake.example.auth.consume;

import dev.handshake.example.auth.store.DeadLetter;
import dev.handshake.example.auth.store.DeadLetterStore;
import dev.handshake.example.auth.store.UserChange;
import dev.handshake.example.auth.store.UserStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one record inside the batch's transaction. A poison record (cannot be decoded, or breaks auth's rules) is
 * rolled back to its own savepoint, stored as a dead letter and published to the dead-letter topic, and the batch
 * carries on; a transient failure propagates so the whole batch is retried.
 */
final class RecordApplier {
  private final EventDecoder decoder;
  private final DeadLetterTopic deadLetterTopic;
  private final Long snapshotPosition;

  /** {@code snapshotPosition}: the snapshot a bootstrap loaded, or null; records at or before it are in it. */
  RecordApplier(EventDecoder decoder, DeadLetterTopic deadLetterTopic, Long snapshotPosition) {
    this.decoder = decoder;
    this.deadLetterTopic = deadLetterTopic;
    this.snapshotPosition = snapshotPosition;
  }

  void apply(Connection connection, ConsumerRecord<byte[], byte[]> record) throws SQLException {
    Savepoint beforeRecord = connection.setSavepoint();
    try {
      if (coveredBySnapshot(record)) {
        return;
      }
      UserChange change = decoder.decode(record.topic(), record.headers(), record.key(), record.value());
      UserStore.apply(connection, change);
    } catch (RuntimeException | SQLException failure) {
      if (Failures.isTransient(failure)) {
        if (failure instanceof SQLException sql) {
          throw sql;
        }
        throw new TransientFailureException("Transient failure on " + record.topic() + "-" + record.partition()
            + "@" + record.offset() + ": " + Failures.message(failure), failure);
      }
      connection.rollback(beforeRecord);
      DeadLetter letter = DeadLetterTopic.letterFor(record, failure);
      if (DeadLetterStore.add(connection, letter)) {
        deadLetterTopic.publish(letter, failure);
      }
    }
  }

  /** The snapshot a bootstrap loaded already holds this record's effect: overlap, skipped without decoding. */
  boolean coveredBySnapshot(ConsumerRecord<byte[], byte[]> record) {
    if (snapshotPosition == null) {
      return false;
    }
    try {
      Long position = EventDecoder.position(record.headers());
      return position != null && position <= snapshotPosition;
    } catch (RuntimeException unreadablePosition) {
      return false;
    }
  }
}
