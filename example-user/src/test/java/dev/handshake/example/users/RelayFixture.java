package dev.handshake.example.users;

import dev.handshake.example.support.Database;
import dev.handshake.example.support.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * What a relay test class shares: a broker with its registry ({@link KafkaStack}) and user-service's database with
 * its parts wired, started once per class and closed database first.
 */
record RelayFixture(KafkaStack stack, Database database, UserService.Parts parts) implements AutoCloseable {

  static RelayFixture start() throws Exception {
    KafkaStack stack = KafkaStack.start();
    try {
      Database database = Database.open(Settings.of(Map.of()), "db/users");
      return new RelayFixture(stack, database, UserService.Parts.wire(database));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** Marks every pending event sent, so one test's events never reach another test's topics. */
  void nothingPending() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement update = connection.createStatement()) {
      update.executeUpdate("UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL");
    }
  }

  @Override
  public void close() throws Exception {
    try {
      database.close();
    } finally {
      stack.close();
    }
  }
}
