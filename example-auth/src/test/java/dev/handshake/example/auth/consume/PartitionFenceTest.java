package dev.handshake.example.auth.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.auth.FreshDatabase;
import dev.handshake.example.auth.store.Counters;
import dev.handshake.example.auth.store.OffsetStore;
import dev.handshake.example.support.Transactions;
import dev.handshake.testsupport.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances of auth's consumer believe they own the same partition (one was thrown out of the group and does
 * not know it yet): whatever the order of their batches, only the one that positioned itself at what the database
 * holds applies its batch; the other's batch rolls back whole.
 */
class PartitionFenceTest {
  private static final TopicPartition PARTITION = new TopicPartition("user-events", 2);

  @RegisterExtension
  static final FreshDatabase database = new FreshDatabase();

  @Test
  void aZombieBatchBehindTheNewOwnersCommitRollsBackWhole() throws SQLException {
    store(0);
    PartitionFence zombie = positionedAt(Optional.of(0L));
    PartitionFence owner = positionedAt(Optional.of(0L));

    commitBatch(owner, 0, 10);
    long appliedBefore = applied();

    assertThatThrownBy(() -> commitBatch(zombie, 0, 10))
        .isInstanceOfSatisfying(PartitionFence.FencedBatchException.class,
            fenced -> assertThat(fenced.partitions()).containsExactly(PARTITION));
    assertThat(storedNext()).contains(10L);
    assertThat(applied()).as("the zombie's work rolled back with its offsets").isEqualTo(appliedBefore);
  }

  @Test
  void theOwnerGoesOnFromWhatItCommitted() throws SQLException {
    store(0);
    PartitionFence owner = positionedAt(Optional.of(0L));

    commitBatch(owner, 0, 10);
    commitBatch(owner, 10, 25);

    assertThat(storedNext()).contains(25L);
    assertThat(applied()).isEqualTo(25);
  }

  @Test
  void aZombieThatCommitsFirstFencesTheNewOwnerWhichThenStartsPastTheZombiesBatch() throws SQLException {
    store(0);
    PartitionFence zombie = positionedAt(Optional.of(0L));
    PartitionFence owner = positionedAt(Optional.of(0L));

    commitBatch(zombie, 0, 10);

    assertThatThrownBy(() -> commitBatch(owner, 0, 10)).isInstanceOf(PartitionFence.FencedBatchException.class);
    assertThat(applied()).as("each event once").isEqualTo(10);
    // The owner positions itself from the database again, as KafkaEventSource does, and goes on.
    owner.positioned(PARTITION, storedNext());
    commitBatch(owner, 10, 20);
    assertThat(applied()).isEqualTo(20);
  }

  @Test
  void twoInstancesStoringAPartitionsFirstRowAtOnceOnlyOneWins() throws Exception {
    PartitionFence first = positionedAt(Optional.empty());
    PartitionFence second = positionedAt(Optional.empty());

    try (Connection slow = database.dataSource().getConnection()) {
      slow.setAutoCommit(false);
      first.claim(slow, List.of(PARTITION)); // no row yet: nothing to lock
      commitBatch(second, 0, 10);
      assertThatThrownBy(() -> first.store(slow, PARTITION, 10))
          .isInstanceOf(PartitionFence.FencedBatchException.class);
      slow.rollback();
    }
    assertThat(storedNext()).contains(10L);
  }

  @Test
  void aBatchOfAPartitionWaitsForTheOtherInstancesBatchThenSeesItsOffset() throws Exception {
    store(0);
    PartitionFence owner = positionedAt(Optional.of(0L));
    PartitionFence zombie = positionedAt(Optional.of(0L));

    try (Connection ownerConnection = database.dataSource().getConnection()) {
      ownerConnection.setAutoCommit(false);
      owner.claim(ownerConnection, List.of(PARTITION));
      CompletableFuture<Void> zombieBatch = CompletableFuture.runAsync(() -> {
        try {
          commitBatch(zombie, 0, 10);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      Await.until("the zombie's batch waits for the owner's row lock", Duration.ofSeconds(30),
          () -> waitingForALock() > 0);
      owner.store(ownerConnection, PARTITION, 10);
      ownerConnection.commit();

      assertThatThrownBy(() -> zombieBatch.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PartitionFence.FencedBatchException.class);
    }
    assertThat(storedNext()).contains(10L);
  }

  private static PartitionFence positionedAt(Optional<Long> stored) {
    PartitionFence fence = new PartitionFence();
    fence.positioned(PARTITION, stored);
    return fence;
  }

  /** What KafkaEventSource does with a batch of offsets [from, to): claim, apply (counted), store, commit. */
  private static void commitBatch(PartitionFence fence, long from, long to) throws SQLException {
    Transactions.inTransaction(database.dataSource(), connection -> {
      fence.claim(connection, List.of(PARTITION));
      Counters.add(connection, "applied", to - from);
      fence.store(connection, PARTITION, to);
      return null;
    });
    fence.committed(Map.of(PARTITION, to));
  }

  private static void store(long next) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      OffsetStore.save(connection, PARTITION.topic(), PARTITION.partition(), next);
    }
  }

  private static Optional<Long> storedNext() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return OffsetStore.find(connection, PARTITION.topic(), PARTITION.partition());
    }
  }

  private static long applied() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return Counters.read(connection).get("applied");
    }
  }

  private static int waitingForALock() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock'");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
