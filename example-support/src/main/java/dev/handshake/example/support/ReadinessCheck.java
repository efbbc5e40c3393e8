package dev.handshake.example.support;

import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One condition of {@code GET /health/ready}: empty when it holds, else the reason it does not, in words fit for
 * anyone who can reach the endpoint (no exception text, host, user or SQL: those may say more than a probe needs).
 */
@FunctionalInterface
public interface ReadinessCheck {
  /** In seconds: a database that takes longer to give a connection that answers is not ready. */
  int DATABASE_SECONDS = 2;

  Optional<String> notReadyBecause() throws Exception;

  /** The service's database gives a connection that answers a round trip. */
  static ReadinessCheck database(DataSource dataSource) {
    return () -> {
      try (Connection connection = dataSource.getConnection()) {
        return connection.isValid(DATABASE_SECONDS) ? Optional.empty()
            : Optional.of("the database did not answer within " + DATABASE_SECONDS + " s");
      }
    };
  }
}
