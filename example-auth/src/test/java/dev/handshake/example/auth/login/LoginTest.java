package dev.handshake.example.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.example.auth.FreshDatabase;
import dev.handshake.example.support.Transactions;
import dev.handshake.example.auth.store.UserChange;
import dev.handshake.example.auth.store.UserChange.Kind;
import dev.handshake.example.auth.store.UserStore;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Login on a real PostgreSQL: only a known, active, not deleted user with the right password gets in. */
class LoginTest {
  @RegisterExtension
  static final FreshDatabase database = new FreshDatabase();
  private static Login login;

  @BeforeAll
  static void login() {
    login = new Login(database.dataSource(), new PasswordHasher(10_000));
  }

  @Test
  void anActiveUserWithTheRightPasswordLogsIn() throws SQLException {
    user("1", "ada@example.com", Kind.CREATED, "ACTIVE", 1);
    assertThat(login.setPassword("1", "correct horse".toCharArray())).isTrue();

    assertThat(login.logIn("Ada@Example.com", "correct horse".toCharArray())).contains("1");
    assertThat(login.logIn("ada@example.com", "wrong horse".toCharArray())).isEmpty();
  }

  @Test
  void aSuspendedUserIsRefusedEvenWithTheRightPassword() throws SQLException {
    user("1", "ada@example.com", Kind.CREATED, "ACTIVE", 1);
    login.setPassword("1", "pw-123456".toCharArray());
    user("1", "ada@example.com", Kind.UPDATED, "SUSPENDED", 2);

    assertThat(login.logIn("ada@example.com", "pw-123456".toCharArray())).isEmpty();
  }

  @Test
  void aUserLockedByASecurityReviewIsRefusedEvenWithTheRightPassword() throws SQLException {
    user("1", "ada@example.com", Kind.CREATED, "ACTIVE", 1);
    login.setPassword("1", "pw-123456".toCharArray());
    assertThat(login.logIn("ada@example.com", "pw-123456".toCharArray())).contains("1");
    user("1", "ada@example.com", Kind.UPDATED, "LOCKED", 2);

    assertThat(login.logIn("ada@example.com", "pw-123456".toCharArray())).isEmpty();
  }

  @Test
  void aDeletedUserIsRefusedAndCannotGetANewPassword() throws SQLException {
    user("1", "ada@example.com", Kind.CREATED, "ACTIVE", 1);
    login.setPassword("1", "pw-123456".toCharArray());
    user("1", "ada@example.com", Kind.DELETED, null, 2);

    assertThat(login.logIn("ada@example.com", "pw-123456".toCharArray())).isEmpty();
    assertThat(login.setPassword("1", "pw-123456".toCharArray())).isFalse();
  }

  @Test
  void anUnknownUserIsRefusedAndCannotGetAPassword() throws SQLException {
    assertThat(login.setPassword("nobody", "pw-123456".toCharArray())).isFalse();
    assertThat(login.logIn("nobody@example.com", "pw-123456".toCharArray())).isEmpty();
  }

  @Test
  void aUserWithoutAPasswordIsRefused() throws SQLException {
    user("1", "ada@example.com", Kind.CREATED, "ACTIVE", 1);

    assertThat(login.logIn("ada@example.com", "".toCharArray())).isEmpty();
  }

  private static void user(String id, String email, Kind kind, String status, long version) throws SQLException {
    Transactions.inTransaction(database.dataSource(), connection -> UserStore.apply(connection,
        new UserChange(UUID.randomUUID(), kind, id, email, status, version, null)));
  }
}
