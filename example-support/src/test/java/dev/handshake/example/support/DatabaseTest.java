package dev.handshake.example.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  static final String MIGRATIONS = "support-test-migrations";

  @Test
  void embeddedPostgresUnderDataDirKeepsItsDataAcrossRestarts(@TempDir Path dataDir) throws SQLException {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString());
    try (Database database = Database.open(Settings.of(env), MIGRATIONS)) {
      assertThat(database.embedded()).isTrue();
      execute(database, "INSERT INTO note (text) VALUES ('kept')");
    }
    try (Database database = Database.open(Settings.of(env), MIGRATIONS)) {
      assertThat(queryText(database, "SELECT text FROM note")).isEqualTo("kept");
    }
  }

  @Test
  void withoutDataDirEachStartIsAFreshMigratedDatabaseStoppedOnClose() throws SQLException {
    String jdbcUrl;
    try (Database database = Database.open(Settings.of(Map.of()), MIGRATIONS)) {
      jdbcUrl = database.jdbcUrl();
      assertThat(queryText(database, "SELECT count(*)::text FROM note")).isEqualTo("0");
      try (Connection listener = database.connectOutsidePool()) {
        assertThat(listener.isValid(5)).isTrue();
      }
    }
    assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, "postgres", null).close())
        .as("the embedded PostgreSQL is stopped").isInstanceOf(SQLException.class);
  }

  @Test
  void aDbUrlThatIsNotPostgresNamesTheVariable() {
    assertThatThrownBy(() -> Database.open(Settings.of(Map.of("DB_URL", "jdbc:mysql://localhost/users")), MIGRATIONS))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("DB_URL"))
        .hasMessageContaining("DB_URL=jdbc:mysql://localhost/users is not valid");
  }

  @Test
  void anUnreachableDbUrlNamesTheVariables() {
    Map<String, String> env = Map.of("DB_URL", "jdbc:postgresql://127.0.0.1:1/users", "DB_USER", "app");
    assertThatThrownBy(() -> Database.open(Settings.of(env), MIGRATIONS))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("could not connect to DB_URL=jdbc:postgresql://127.0.0.1:1/users as DB_USER=app");
  }

  private static void execute(Database database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String queryText(Database database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).as("a row from " + sql).isTrue();
      return rows.getString(1);
    }
  }
}
