package dev.handshake.example.support;

import java.sql.SQLException;

/**
 * A database failure the caller cannot correct by changing the request, unchecked. Its message holds the
 * database's own words, so it is logged, never answered: {@link JsonHttpServer} turns it into a 500 carrying an
 * {@link InternalFailure} id.
 */
public final class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseException(SQLException cause) {
    super("database error: " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
  }

  public String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }

  /** See {@link Transactions#isTransient}. */
  public boolean isTransient() {
    return Transactions.isTransient((SQLException) getCause());
  }
}
