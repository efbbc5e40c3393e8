package dev.handshake.example.auth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.auth.FreshDatabase;
import dev.handshake.example.auth.store.UserChange.Kind;
import dev.handshake.example.support.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The apply rules on a real PostgreSQL: idempotent by event id, never older over newer, versioned tombstones. */
class UserStoreTest {
  @RegisterExtension
  static final FreshDatabase database = new FreshDatabase();


  @Test
  void theSameEventTwiceChangesNothingTheSecondTime() throws SQLException {
    UserChange created = change(Kind.CREATED, "ada@example.com", "ACTIVE", 1);

    assertThat(apply(created)).isEqualTo(ApplyOutcome.APPLIED);
    UserChange sameIdOtherContent = new UserChange(created.eventId(), Kind.UPDATED, "42", "eve@example.com",
        "SUSPENDED", 2, null);
    assertThat(apply(sameIdOtherContent)).isEqualTo(ApplyOutcome.DUPLICATE);

    assertThat(user()).extracting(UserCopy::email, UserCopy::version).containsExactly("ada@example.com", 1L);
    assertThat(counters()).containsEntry("applied", 1L).containsEntry("duplicates", 1L);
  }

  @Test
  void anOlderEventAfterANewerOneIsStale() throws SQLException {
    apply(change(Kind.UPDATED, "new@example.com", "SUSPENDED", 5));

    assertThat(apply(change(Kind.UPDATED, "old@example.com", "ACTIVE", 4))).isEqualTo(ApplyOutcome.STALE);
    assertThat(apply(change(Kind.CREATED, "first@example.com", "ACTIVE", 1))).isEqualTo(ApplyOutcome.STALE);

    assertThat(user()).extracting(UserCopy::email, UserCopy::status, UserCopy::version)
        .containsExactly("new@example.com", "SUSPENDED", 5L);
    assertThat(counters()).containsEntry("stale", 2L);
  }

  @Test
  void aDeletionLeavesAVersionedTombstoneThatNoOlderEventRevives() throws SQLException {
    apply(change(Kind.CREATED, "ada@example.com", "ACTIVE", 1));
    apply(change(Kind.DELETED, "ada@example.com", null, 3));

    assertThat(apply(change(Kind.UPDATED, "ada@example.com", "ACTIVE", 2))).isEqualTo(ApplyOutcome.STALE);

    assertThat(user()).extracting(UserCopy::deleted, UserCopy::version, UserCopy::status, UserCopy::canLogIn)
        .containsExactly(true, 3L, "ACTIVE", false);
  }

  @Test
  void aDeletionSeenFirstStillLeavesATombstone() throws SQLException {
    assertThat(apply(change(Kind.DELETED, "ada@example.com", null, 2))).isEqualTo(ApplyOutcome.APPLIED);
    assertThat(apply(change(Kind.CREATED, "ada@example.com", "ACTIVE", 1))).isEqualTo(ApplyOutcome.STALE);

    assertThat(user().deleted()).isTrue();
  }

  @Test
  void anEventBreakingAuthsInvariantsIsRefusedAndLeavesNoTrace() throws SQLException {
    UserChange noEmail = change(Kind.CREATED, "not-an-email", "ACTIVE", 1);

    assertThatThrownBy(() -> apply(noEmail)).isInstanceOf(UnappliableEventException.class)
        .hasMessageContaining("email 'not-an-email'");

    try (Connection connection = database.dataSource().getConnection()) {
      assertThat(UserStore.find(connection, "42")).isEmpty();
    }
    assertThat(apply(new UserChange(noEmail.eventId(), Kind.CREATED, "42", "ada@example.com", "ACTIVE", 1, null)))
        .as("the refused event's id was not recorded as processed").isEqualTo(ApplyOutcome.APPLIED);
  }

  private static UserChange change(Kind kind, String email, String status, long version) {
    return new UserChange(UUID.randomUUID(), kind, "42", email, status, version, null);
  }

  private static ApplyOutcome apply(UserChange change) throws SQLException {
    return Transactions.inTransaction(database.dataSource(), connection -> UserStore.apply(connection, change));
  }

  private static UserCopy user() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return UserStore.find(connection, "42").orElseThrow();
    }
  }

  private static java.util.Map<String, Long> counters() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return Counters.read(connection);
    }
  }
}
