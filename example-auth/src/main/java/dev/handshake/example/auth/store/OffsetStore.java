package dev.handshake.example.auth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The next offset auth reads per partition, kept in its own database beside the data those offsets produced
 * (Kafka's "storing offsets outside Kafka"). Partitions are plain numbers here so the store has no Kafka type.
 */
public final class OffsetStore {

  private OffsetStore() {
  }

  public static void save(Connection connection, String topic, int partition, long nextOffset) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("""
        insert into partition_offsets (topic, partition, next_offset) values (?, ?, ?)
        on conflict (topic, partition) do update set next_offset = excluded.next_offset""")) {
      upsert.setString(1, topic);
      upsert.setInt(2, partition);
      upsert.setLong(3, nextOffset);
      upsert.executeUpdate();
    }
  }

  /**
   * The stored next offset of a partition, its row locked until the transaction ends ({@code FOR UPDATE}): a
   * concurrent batch of the same partition from another instance waits here, then sees what this one stored.
   */
  public static Optional<Long> lockNext(Connection connection, String topic, int partition) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select next_offset from partition_offsets where topic = ? and partition = ? for update")) {
      select.setString(1, topic);
      select.setInt(2, partition);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    }
  }

  /**
   * Stores a partition's first row unless another transaction already did ({@code false} then); a concurrent
   * insert of the same partition waits for this transaction and finds the row.
   */
  public static boolean insertFirst(Connection connection, String topic, int partition, long nextOffset)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
        insert into partition_offsets (topic, partition, next_offset) values (?, ?, ?)
        on conflict (topic, partition) do nothing""")) {
      insert.setString(1, topic);
      insert.setInt(2, partition);
      insert.setLong(3, nextOffset);
      return insert.executeUpdate() == 1;
    }
  }

  public static Optional<Long> find(Connection connection, String topic, int partition) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select next_offset from partition_offsets where topic = ? and partition = ?")) {
      select.setString(1, topic);
      select.setInt(2, partition);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    }
  }

  public static Map<Integer, Long> all(Connection connection, String topic) throws SQLException {
    Map<Integer, Long> offsets = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
        "select partition, next_offset from partition_offsets where topic = ?")) {
      select.setString(1, topic);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          offsets.put(rows.getInt(1), rows.getLong(2));
        }
      }
    }
    return offsets;
  }
}
