package dev.handshake.example.auth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The greatest outbox position of user-service that auth processed per partition of a stream, whichever version's
 * topic it read it from, and that topic: what a move from one version's topic to another resumes after. Written in
 * the same transaction as {@link OffsetStore}'s offsets. Partitions are plain numbers here so the store has no Kafka
 * type.
 */
public final class StreamPartitionPositions {

  /** {@code topic} processed the stream's partition up to {@code position}. */
  public record Processed(String topic, long position) {
  }

  private StreamPartitionPositions() {
  }

  /** Records that {@code topic} processed {@code position}; the stored position never goes back. */
  public static void save(Connection connection, String stream, int partition, String topic, long position)
      throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("""
        insert into stream_partition_positions (stream, partition, topic, position) values (?, ?, ?, ?)
        on conflict (stream, partition) do update set topic = excluded.topic,
          position = greatest(stream_partition_positions.position, excluded.position)""")) {
      upsert.setString(1, stream);
      upsert.setInt(2, partition);
      upsert.setString(3, topic);
      upsert.setLong(4, position);
      upsert.executeUpdate();
    }
  }

  public static Optional<Processed> find(Connection connection, String stream, int partition) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select topic, position from stream_partition_positions where stream = ? and partition = ?")) {
      select.setString(1, stream);
      select.setInt(2, partition);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(new Processed(rows.getString(1), rows.getLong(2))) : Optional.empty();
      }
    }
  }
}
