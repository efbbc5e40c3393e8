package dev.handshake.example.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;

/**
 * Database transactions for both example services: all of the work commits, or none of it does. The static
 * methods throw {@link SQLException} for callers that sort failures themselves (auth's consumer retries a
 * transient one and dead-letters a record that fails for good); an instance bound to a pool throws
 * {@link DatabaseException}, unchecked, for request handlers, where either failure is a 500.
 */
public final class Transactions {

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  public Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** {@code work} in one transaction on a pooled connection; a failure is a {@link DatabaseException}. */
  public <T> T inTransaction(Work<T> work) {
    try {
      return inTransaction(dataSource, work);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /** Work on a pooled connection that manages its own transactions. */
  public <T> T withConnection(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /** On a pooled connection, returned to the pool afterwards. */
  public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return inTransaction(connection, work);
    }
  }

  /** On a connection the caller holds and keeps (left in auto-commit mode afterwards). */
  public static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
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

  /**
   * Whether a database failure may pass by itself (connection lost or refused, pool exhausted, serialization
   * conflict): worth retrying, never a reason to give up on the data. SQLSTATE class 08 is "connection exception",
   * 40 is "transaction rollback", 53 "insufficient resources", 57 "operator intervention" (e.g. the server shut
   * down).
   */
  public static boolean isTransient(SQLException e) {
    if (e instanceof SQLTransientException) {
      return true;
    }
    String state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
        || state.startsWith("57");
  }
}
