package dev.handshake.example.auth;

import dev.handshake.example.auth.store.AuthSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A real PostgreSQL (embedded) with auth's schema, emptied between tests. */
public final class TestDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private TestDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static TestDatabase start() {
    try {
      TestDatabase database = new TestDatabase(EmbeddedPostgres.builder().start());
      AuthSchema.migrate(database.dataSource());
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
    }
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** A second database on the same server (e.g. user-service's own), dropped first if it exists. */
  public String createDatabase(String name) throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  /** Empties every table auth writes and zeroes the counters. */
  public void reset() throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("truncate users, applied_events, partition_offsets, stream_positions, "
          + "stream_partition_positions, dead_letters, dead_letter_headers, credentials");
      statement.execute("update counters set value = 0");
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
