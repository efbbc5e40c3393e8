package dev.handshake.example.users;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Opens write transactions by hand, to commit them in an order a test chooses. */
final class TestEvents {
  private TestEvents() {}

  /** A transaction (left open) that has appended one UserCreated event for a new user; returns its event id. */
  static UUID appendCreated(Connection connection, String name) throws SQLException {
    connection.setAutoCommit(false);
    User user = new User(UUID.randomUUID().toString(), name + "@example.com", name, "", User.ACTIVE, 1);
    var event = UserEvents.live(EventSchemas.builtInV2()).created(user);
    OutboxWriter.append(connection, UserEvents.eventId(event), user.id(), 1, event);
    return UserEvents.eventId(event);
  }

  static Connection open(DataSource dataSource) throws SQLException {
    return dataSource.getConnection();
  }
}
