package dev.handshake.example.auth.consume;

import dev.handshake.example.auth.store.DeadLetter;
import dev.handshake.example.auth.store.DeadLetterStore;
import dev.handshake.example.auth.store.UserBatch;
import dev.handshake.example.auth.store.UserChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies a poll batch inside its transaction in a few statements ({@link UserBatch}) instead of several per
 * record. Records that cannot be decoded or break auth's invariants are dead-lettered without touching the users;
 * if the batch's statements fail for any other non-transient reason, the batch is rolled back to its savepoint
 * and applied record by record ({@link RecordApplier}), which isolates the record at fault for the dead-letter
 * topic. A transient failure propagates so the whole batch is retried.
 */
final class BatchApplier {
  private final EventDecoder decoder;
  private final DeadLetterTopic deadLetterTopic;
  private final RecordApplier oneByOne;

  BatchApplier(EventDecoder decoder, DeadLetterTopic deadLetterTopic, Long snapshotPosition) {
    this.decoder = decoder;
    this.deadLetterTopic = deadLetterTopic;
    this.oneByOne = new RecordApplier(decoder, deadLetterTopic, snapshotPosition);
  }

  /** {@code records}: each partition's records in offset order (one user's events are on one partition). */
  void apply(Connection connection, List<ConsumerRecord<byte[], byte[]>> records) throws SQLException {
    List<ConsumerRecord<byte[], byte[]>> applicable = new ArrayList<>();
    List<UserChange> changes = new ArrayList<>();
    List<DeadLetter> poison = new ArrayList<>();
    List<RuntimeException> reasons = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (oneByOne.coveredBySnapshot(record)) {
        continue;
      }
      try {
        UserChange change = decoder.decode(record.topic(), record.headers(), record.key(), record.value());
        change.checkInvariants();
        changes.add(change);
        applicable.add(record);
      } catch (RuntimeException failure) {
        if (Failures.isTransient(failure)) {
          throw new TransientFailureException("Transient failure on " + record.topic() + "-" + record.partition()
              + "@" + record.offset() + ": " + Failures.message(failure), failure);
        }
        poison.add(DeadLetterTopic.letterFor(record, failure));
        reasons.add(failure);
      }
    }
    Savepoint beforeBatch = connection.setSavepoint();
    try {
      UserBatch.apply(connection, changes);
    } catch (SQLException | RuntimeException failure) {
      if (Failures.isTransient(failure)) {
        throw failure;
      }
      // Something in the batch breaks a rule the database enforces: find it the slow way.
      connection.rollback(beforeBatch);
      for (ConsumerRecord<byte[], byte[]> record : applicable) {
        oneByOne.apply(connection, record);
      }
    }
    for (int i = 0; i < poison.size(); i++) {
      if (DeadLetterStore.add(connection, poison.get(i))) {
        deadLetterTopic.publish(poison.get(i), reasons.get(i));
      }
    }
  }
}
