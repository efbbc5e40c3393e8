package dev.handshake.example.auth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;

/** Runs work in one database transaction: all of it commits, or none of it does. */
public final class Transactions {

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transactions() {
  }

  public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    }
  }

  /**
   * Whether a database failure may pass by itself (connection lost or refused, pool exhausted, serialization
   * conflict): those are retried, never dead-lettered. SQLSTATE class 08 is "connection exception", 40 is
   * "transaction rollback", 53 "insufficient resources", 57 "operator intervention" (e.g. the server shut down).
   */
  public static boolean isTransient(SQLException e) {
    if (e instanceof SQLTransientException) {
      return true;
    }
    String state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
        || state.startsWith("57");
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }
}
