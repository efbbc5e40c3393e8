package dev.handshake.example.auth.store;

import dev.handshake.example.support.Transaction;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;

/** Runs work in one database transaction: all of it commits, or none of it does. */
public final class Transactions {

  private Transactions() {
  }

  public static <T> T inTransaction(DataSource dataSource, Transaction.Work<T> work) throws SQLException {
    return Transaction.run(dataSource, work);
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
}
