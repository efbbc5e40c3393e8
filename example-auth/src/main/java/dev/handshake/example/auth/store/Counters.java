package dev.handshake.example.auth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The counters behind {@code GET /admin/stats}, moved in the same transaction as the work they count. */
public final class Counters {

  private Counters() {
  }

  public static void add(Connection connection, String name, long delta) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "update counters set value = value + ? where name = ?")) {
      update.setLong(1, delta);
      update.setString(2, name);
      if (update.executeUpdate() != 1) {
        throw new IllegalArgumentException("No counter named " + name);
      }
    }
  }

  /** Adds each outcome's count to its counter in one statement (a whole poll batch's worth). */
  public static void addAll(Connection connection, Map<ApplyOutcome, Long> counts) throws SQLException {
    if (counts.isEmpty()) {
      return;
    }
    String[] names = counts.keySet().stream().map(ApplyOutcome::counter).toArray(String[]::new);
    Long[] deltas = counts.values().toArray(Long[]::new);
    try (PreparedStatement update = connection.prepareStatement("""
        update counters set value = value + d.delta from unnest(?::text[], ?::bigint[]) as d (name, delta)
        where counters.name = d.name""")) {
      update.setArray(1, connection.createArrayOf("text", names));
      update.setArray(2, connection.createArrayOf("bigint", deltas));
      if (update.executeUpdate() != names.length) {
        throw new IllegalArgumentException("Not every counter of " + counts.keySet() + " exists");
      }
    }
  }

  public static Map<String, Long> read(Connection connection) throws SQLException {
    Map<String, Long> values = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement("select name, value from counters order by name");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        values.put(rows.getString(1), rows.getLong(2));
      }
    }
    return values;
  }
}
