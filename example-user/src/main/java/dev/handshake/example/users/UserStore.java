package dev.handshake.example.users;

import dev.handshake.example.support.Transactions;
import dev.handshake.example.support.ApiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The users table and its outbox: every change writes the user row and exactly one outbox row in the same
 * transaction, and bumps the user's version. In each write the outbox row goes first, so a failure on the
 * users row (a duplicate email) must roll the event back with it: the atomicity tests rely on that order.
 */
final class UserStore {
  private final Transactions transactions;
  private final UserEvents events;
  private final Sequencer sequencer;

  UserStore(Transactions transactions, UserEvents events, Sequencer sequencer) {
    this.transactions = transactions;
    this.events = events;
    this.sequencer = sequencer;
  }

  /** {@code name}: a whole name, split on its first space ({@link User.Name#split}). */
  User create(String email, String name) {
    return create(email, User.Name.split(name));
  }

  User create(String email, User.Name name) {
    User user = new User(UUID.randomUUID().toString(), email, name.given(), name.family(), User.ACTIVE, 1);
    return write(connection -> {
      var event = events.created(user);
      OutboxWriter.append(connection, UserEvents.eventId(event), user.id(), user.version(), event);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO users (id, email, given_name, family_name, status, version) VALUES (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, user.id());
        insert.setString(2, user.email());
        insert.setString(3, user.givenName());
        insert.setString(4, user.familyName());
        insert.setString(5, user.status());
        insert.setLong(6, user.version());
        executeRejectingDuplicateEmail(insert, email);
      }
      return user;
    });
  }

  /** Applies the given changes; a request that changes nothing returns the user as it is and writes no event. */
  User update(String id, Optional<String> email, Optional<String> givenName, Optional<String> familyName,
      Optional<String> status) {
    return write(connection -> {
      User current = lockForChange(connection, id);
      User changed = new User(id, email.orElse(current.email()), givenName.orElse(current.givenName()),
          familyName.orElse(current.familyName()), status.orElse(current.status()), current.version() + 1);
      if (sameState(current, changed)) {
        return current;
      }
      var event = events.updated(changed);
      OutboxWriter.append(connection, UserEvents.eventId(event), id, changed.version(), event);
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE users SET email = ?, given_name = ?, family_name = ?, status = ?, version = ? WHERE id = ?")) {
        update.setString(1, changed.email());
        update.setString(2, changed.givenName());
        update.setString(3, changed.familyName());
        update.setString(4, changed.status());
        update.setLong(5, changed.version());
        update.setString(6, id);
        executeRejectingDuplicateEmail(update, changed.email());
      }
      return changed;
    });
  }

  void delete(String id) {
    write(connection -> {
      User current = lockForChange(connection, id);
      var event = events.deleted(current);
      OutboxWriter.append(connection, UserEvents.eventId(event), id, current.version() + 1, event);
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users WHERE id = ?")) {
        delete.setString(1, id);
        delete.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Runs a write, then positions it at once so the caller's next read of the feed already has it. If that
   * second step fails the write still stands: the {@link OutboxListener} positions it on its next round.
   */
  private <T> T write(Transactions.Work<T> work) {
    T result = transactions.inTransaction(work);
    try {
      sequencer.sequence();
    } catch (RuntimeException e) {
      System.err.println("user-service: positioning after a write failed (the outbox listener retries): "
          + e.getMessage());
    }
    return result;
  }

  Optional<User> find(String id) {
    return transactions.inTransaction(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id, email, given_name, family_name, status, version FROM users WHERE id = ?")) {
        select.setString(1, id);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(read(row)) : Optional.empty();
        }
      }
    });
  }

  /** Every status some user holds now. */
  List<String> statusesHeld() {
    return transactions.inTransaction(connection -> {
      List<String> statuses = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT status FROM users");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          statuses.add(rows.getString(1));
        }
      }
      return statuses;
    });
  }

  static User read(ResultSet row) throws SQLException {
    return new User(row.getString("id"), row.getString("email"), row.getString("given_name"),
        row.getString("family_name"), row.getString("status"), row.getLong("version"));
  }

  /** The user's row, locked until commit so concurrent changes to one user get consecutive versions. */
  private static User lockForChange(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, email, given_name, family_name, status, version FROM users WHERE id = ? FOR UPDATE")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw ApiException.notFound("id", "no user with id " + id);
        }
        return read(row);
      }
    }
  }

  private static boolean sameState(User a, User b) {
    return a.email().equals(b.email()) && a.givenName().equals(b.givenName())
        && a.familyName().equals(b.familyName()) && a.status().equals(b.status());
  }

  private static void executeRejectingDuplicateEmail(PreparedStatement statement, String email)
      throws SQLException {
    try {
      statement.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("users_email_unique")) {
        throw ApiException.conflict("email", "a user with email " + email + " already exists");
      }
      throw e;
    }
  }
}
