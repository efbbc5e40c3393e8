package dev.handshake.example.users;

import dev.handshake.example.support.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one database transaction: committed when it returns, rolled back when it throws. */
final class Transactions {
  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  DataSource dataSource() {
    return dataSource;
  }

  <T> T inTransaction(Transaction.Work<T> work) {
    try {
      return Transaction.run(dataSource, work);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /** Work on a pooled connection that manages its own transactions. */
  <T> T withConnection(Transaction.Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /** A database failure the caller cannot correct by changing the request. */
  static final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(SQLException cause) {
      super("database error: " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
    }

    String sqlState() {
      return ((SQLException) getCause()).getSQLState();
    }
  }
}
