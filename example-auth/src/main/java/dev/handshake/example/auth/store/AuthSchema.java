package dev.handshake.example.auth.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings auth's database to the current schema with Flyway (migrations in {@code db/auth}). */
public final class AuthSchema {
  public static final String MIGRATIONS = "classpath:db/auth";

  private AuthSchema() {
  }

  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
  }
}
