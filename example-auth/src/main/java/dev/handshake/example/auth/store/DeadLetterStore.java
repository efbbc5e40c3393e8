package dev.handshake.example.auth.store;

import dev.handshake.example.auth.store.DeadLetter.Header;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dead letters in auth's own database, so that they can be listed and replayed whatever the dead-letter topic's
 * retention. A record is stored once per topic, partition and offset, however often it is redelivered.
 */
public final class DeadLetterStore {
  private static final String COLUMNS = "id, topic, partition, record_offset, record_timestamp, timestamp_type, "
      + "record_key, record_value, error_class, error_message, replay_attempts";

  private DeadLetterStore() {
  }

  /** Stores the dead letter unless that record is already stored; returns whether it was new. */
  public static boolean add(Connection connection, DeadLetter letter) throws SQLException {
    long id;
    try (PreparedStatement insert = connection.prepareStatement("""
        insert into dead_letters (topic, partition, record_offset, record_timestamp, timestamp_type, record_key,
          record_value, error_class, error_message) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (topic, partition, record_offset) do nothing returning id""")) {
      insert.setString(1, letter.topic());
      insert.setInt(2, letter.partition());
      insert.setLong(3, letter.offset());
      insert.setLong(4, letter.timestamp());
      insert.setString(5, letter.timestampType());
      insert.setBytes(6, letter.key());
      insert.setBytes(7, letter.value());
      insert.setString(8, letter.errorClass());
      insert.setString(9, letter.errorMessage());
      try (ResultSet rows = insert.executeQuery()) {
        if (!rows.next()) {
          return false;
        }
        id = rows.getLong(1);
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into dead_letter_headers (dead_letter_id, ordinal, name, value) values (?, ?, ?, ?)")) {
      int ordinal = 0;
      for (Header header : letter.headers()) {
        insert.setLong(1, id);
        insert.setInt(2, ordinal++);
        insert.setString(3, header.name());
        insert.setBytes(4, header.value());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    Counters.add(connection, "deadLettered", 1);
    return true;
  }

  /** Dead letters not yet resolved by a replay, oldest first. */
  public static List<DeadLetter> unresolved(Connection connection, int limit) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from dead_letters "
        + "where resolved_at is null order by id limit ?")) {
      select.setInt(1, limit);
      return read(connection, select);
    }
  }

  /** Locks one unresolved dead letter for a replay; empty when another replay resolved it meanwhile. */
  public static Optional<DeadLetter> lockUnresolved(Connection connection, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from dead_letters "
        + "where id = ? and resolved_at is null for update")) {
      select.setLong(1, id);
      List<DeadLetter> letters = read(connection, select);
      return letters.isEmpty() ? Optional.empty() : Optional.of(letters.get(0));
    }
  }

  public static long countUnresolved(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select count(*) from dead_letters where resolved_at is null"); ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  public static void resolve(Connection connection, long id) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "update dead_letters set resolved_at = now(), replay_attempts = replay_attempts + 1 where id = ?")) {
      update.setLong(1, id);
      update.executeUpdate();
    }
  }

  /** A replay failed again: keep it, with the latest error. */
  public static void failedAgain(Connection connection, long id, String errorClass, String errorMessage)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("update dead_letters set "
        + "replay_attempts = replay_attempts + 1, error_class = ?, error_message = ? where id = ?")) {
      update.setString(1, errorClass);
      update.setString(2, errorMessage);
      update.setLong(3, id);
      update.executeUpdate();
    }
  }

  private static List<DeadLetter> read(Connection connection, PreparedStatement select) throws SQLException {
    List<DeadLetter> letters = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        letters.add(new DeadLetter(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getLong(4),
            rows.getLong(5), rows.getString(6), rows.getBytes(7), rows.getBytes(8), List.of(), rows.getString(9),
            rows.getString(10), rows.getInt(11)));
      }
    }
    List<DeadLetter> withHeaders = new ArrayList<>(letters.size());
    for (DeadLetter letter : letters) {
      withHeaders.add(new DeadLetter(letter.id(), letter.topic(), letter.partition(), letter.offset(),
          letter.timestamp(), letter.timestampType(), letter.key(), letter.value(), headers(connection, letter.id()),
          letter.errorClass(), letter.errorMessage(), letter.replayAttempts()));
    }
    return withHeaders;
  }

  private static List<Header> headers(Connection connection, long id) throws SQLException {
    List<Header> headers = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "select name, value from dead_letter_headers where dead_letter_id = ? order by ordinal")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          headers.add(new Header(rows.getString(1), rows.getBytes(2)));
        }
      }
    }
    return headers;
  }
}
