package dev.handshake.example.auth;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL with auth's schema for one test class, emptied before each test:
 * {@code @RegisterExtension static final FreshDatabase database = new FreshDatabase();}.
 */
public final class FreshDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private TestDatabase database;

  public DataSource dataSource() {
    return database.dataSource();
  }

  /** Empties the database again, e.g. to replay the same events another way within one test. */
  public void reset() throws Exception {
    database.reset();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestDatabase.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    database.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    database.close();
  }
}
