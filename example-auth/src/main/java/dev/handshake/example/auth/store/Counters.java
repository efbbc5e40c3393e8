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
