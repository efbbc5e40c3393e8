package dev.handshake.example.support;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One database transaction: all of the work commits, or none of it does. */
public final class Transaction {

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transaction() {
  }

  /** On a pooled connection, returned to the pool afterwards. */
  public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return run(connection, work);
    }
  }

  /** On a connection the caller holds and keeps (left in auto-commit mode afterwards). */
  public static <T> T run(Connection connection, Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
