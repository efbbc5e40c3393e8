package dev.handshake.example.auth.sync;

import dev.handshake.example.auth.store.OffsetStore;
import dev.handshake.example.auth.store.SnapshotWrites;
import dev.handshake.example.auth.store.StreamPositions;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Seeds an empty auth from user-service's snapshot ({@code BOOTSTRAP=snapshot}), then lets the event source follow
 * the stream from the snapshot's position: the Kafka consumer reads every partition from its beginning and skips the
 * records at or before that position (their effect is in the snapshot), so nothing is missed even when the broker
 * no longer holds the early events, and the overlap does no harm. The load is one transaction: a crash half-way
 * leaves auth empty, and the next start bootstraps again.
 */
public final class Bootstrap {

  private Bootstrap() {
  }

  /** Loads the snapshot when auth holds nothing yet; returns its position, or empty when auth had state. */
  public static Optional<Long> loadIfEmpty(DataSource dataSource, UserServiceClient.SnapshotSource snapshots,
      String topic) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        // One bootstrap at a time, even with two instances starting together.
        connection.createStatement().execute("lock table users in exclusive mode");
        if (!isEmpty(connection, topic)) {
          connection.rollback();
          return Optional.empty();
        }
        long position = snapshots.read(new UserServiceClient.SnapshotReader() {
          private long snapshotPosition;

          @Override
          public void position(long position) {
            snapshotPosition = position;
          }

          @Override
          public void row(UserServiceClient.SnapshotRow row) throws Exception {
            SnapshotWrites.writeRow(connection, row.id(), row.email(), row.status(), row.version(),
                snapshotPosition);
          }
        });
        StreamPositions.save(connection, StreamPositions.SNAPSHOT, position);
        StreamPositions.save(connection, StreamPositions.FEED, position);
        connection.commit();
        return Optional.of(position);
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** The snapshot position a bootstrap loaded, if one did. */
  public static Optional<Long> loadedPosition(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return StreamPositions.find(connection, StreamPositions.SNAPSHOT);
    }
  }

  private static boolean isEmpty(Connection connection, String topic) throws Exception {
    return StreamPositions.noUsersYet(connection) && OffsetStore.all(connection, topic).isEmpty()
        && StreamPositions.find(connection, StreamPositions.FEED).isEmpty();
  }
}
