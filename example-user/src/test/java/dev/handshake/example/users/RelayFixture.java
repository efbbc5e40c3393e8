package dev.handshake.example.users;

import dev.handshake.example.support.Database;
import dev.handshake.example.support.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a relay test class shares, as {@code @RegisterExtension static final RelayFixture RELAY = new RelayFixture();}:
 * a broker with its registry ({@link KafkaStack}) and user-service's database with its parts wired, started before
 * the class's first test and closed after its last, database first; before each test nothing is pending and the
 * relay is not paused.
 */
final class RelayFixture implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private KafkaStack stack;
  private Database database;
  private UserService.Parts parts;

  KafkaStack stack() {
    return stack;
  }

  Database database() {
    return database;
  }

  UserService.Parts parts() {
    return parts;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    stack = KafkaStack.start();
    try {
      database = Database.open(Settings.of(Map.of()), "db/users");
      parts = UserService.Parts.wire(database);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** Marks every pending event sent, so one test's events never reach another test's topics, and unpauses. */
  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement update = connection.createStatement()) {
      update.executeUpdate("UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL");
      update.executeUpdate("UPDATE outbox_state SET relay_paused = false");
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (database != null) {
        database.close();
      }
    } finally {
      if (stack != null) {
        stack.close();
      }
    }
  }
}
