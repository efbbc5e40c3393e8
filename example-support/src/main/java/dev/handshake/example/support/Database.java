package dev.handshake.example.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A service's own PostgreSQL: the one at {@code DB_URL} ({@code DB_USER}, {@code DB_PASSWORD}), or, with no
 * {@code DB_URL}, an embedded PostgreSQL whose data lives under {@code DATA_DIR/postgres} (kept across restarts)
 * or, with no {@code DATA_DIR} either, in a temporary directory removed on close. Flyway migrates it from a
 * classpath location before the pool is handed out; {@link #close} closes the pool, then stops the embedded server.
 */
public final class Database implements AutoCloseable {
  private final EmbeddedPostgres embedded;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final HikariDataSource pool;

  private Database(EmbeddedPostgres embedded, String jdbcUrl, String user, String password, HikariDataSource pool) {
    this.embedded = embedded;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.pool = pool;
  }

  /**
   * Opens the database the settings name and applies the migrations under {@code migrations}, a classpath
   * folder such as {@code db/users} holding Flyway's {@code V1__name.sql} files.
   */
  public static Database open(Settings settings, String migrations) {
    Optional<String> url = settings.optional("DB_URL");
    EmbeddedPostgres embedded = url.isPresent() ? null : startEmbedded(settings.path("DATA_DIR"));
    try {
      String jdbcUrl = url.orElseGet(() -> embedded.getJdbcUrl("postgres", "postgres"));
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new InvalidSettingException("DB_URL", "DB_URL=" + jdbcUrl
            + " is not valid: set it to a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/users");
      }
      String user = embedded != null ? "postgres"
          : settings.required("DB_USER", "DB_URL is set, so set DB_USER (and DB_PASSWORD if it needs one) to its "
              + "PostgreSQL user");
      String password = embedded != null ? null : settings.text("DB_PASSWORD", null);
      HikariDataSource pool = pool(jdbcUrl, user, password, (int) settings.atLeast("DB_POOL_SIZE", 10, 2));
      try {
        Flyway.configure().dataSource(pool).locations("classpath:" + migrations).load().migrate();
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
      return new Database(embedded, jdbcUrl, user, password, pool);
    } catch (RuntimeException e) {
      stop(embedded);
      throw e;
    }
  }

  private static EmbeddedPostgres startEmbedded(Optional<Path> dataDir) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(true);
      if (dataDir.isPresent()) {
        Path directory = dataDir.get().resolve("postgres");
        try {
          Files.createDirectories(directory);
        } catch (IOException e) {
          throw new InvalidSettingException("DATA_DIR", "DATA_DIR=" + dataDir.get()
              + " is not valid: could not create " + directory + " (" + e.getMessage() + "); set it to a writable directory");
        }
        // Kept on close, and initdb only runs when the directory holds no cluster yet: restarts keep the data.
        builder.setDataDirectory(directory).setCleanDataDirectory(false);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static HikariDataSource pool(String jdbcUrl, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(10_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new InvalidSettingException("DB_URL", "could not connect to DB_URL=" + jdbcUrl + " as DB_USER=" + user
          + " (" + rootMessage(e) + "): check DB_URL, DB_USER and DB_PASSWORD", e);
    }
  }

  /** The pool every request and the relay share. */
  public DataSource dataSource() {
    return pool;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** True when this process started the PostgreSQL it uses (no {@code DB_URL}). */
  public boolean embedded() {
    return embedded != null;
  }

  /**
   * A connection outside the pool, for a session that waits for a long time (LISTEN), so it never takes a
   * pooled connection away from requests.
   */
  public Connection connectOutsidePool() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      stop(embedded);
    }
  }

  private static void stop(EmbeddedPostgres embedded) {
    if (embedded == null) {
      return;
    }
    try {
      embedded.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
