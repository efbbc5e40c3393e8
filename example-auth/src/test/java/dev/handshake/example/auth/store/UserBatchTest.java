package dev.handshake.example.auth.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.example.auth.FreshDatabase;
import dev.handshake.example.auth.store.UserChange.Kind;
import dev.handshake.example.support.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A poll batch applied in a few statements decides exactly as the same events applied one by one. */
class UserBatchTest {
  @RegisterExtension
  static final FreshDatabase database = new FreshDatabase();

  @Test
  void severalChangesOfOneUserKeepTheNewestAndCountEveryEvent() throws SQLException {
    List<UserChange> batch = List.of(
        change("1", Kind.CREATED, "ada@example.com", "ACTIVE", 1),
        change("1", Kind.UPDATED, "ada@new.example.com", "SUSPENDED", 2),
        change("2", Kind.CREATED, "bob@example.com", "ACTIVE", 1),
        change("1", Kind.UPDATED, "ada@newest.example.com", "ACTIVE", 3));

    assertThat(apply(batch)).containsOnly(ApplyOutcome.APPLIED);

    assertThat(user("1")).extracting(UserCopy::email, UserCopy::status, UserCopy::version)
        .containsExactly("ada@newest.example.com", "ACTIVE", 3L);
    assertThat(user("2").email()).isEqualTo("bob@example.com");
    assertThat(counters()).containsEntry("applied", 4L).containsEntry("stale", 0L);
    assertThat(appliedEvents()).isEqualTo(4);
  }

  @Test
  void anOlderChangeBehindANewerOneInTheSameBatchIsStale() throws SQLException {
    List<UserChange> batch = List.of(
        change("1", Kind.DELETED, "ada@example.com", null, 3),
        change("1", Kind.UPDATED, "ada@example.com", "ACTIVE", 2));

    assertThat(apply(batch)).containsExactly(ApplyOutcome.APPLIED, ApplyOutcome.STALE);

    assertThat(user("1")).extracting(UserCopy::deleted, UserCopy::version).containsExactly(true, 3L);
    assertThat(counters()).containsEntry("applied", 1L).containsEntry("stale", 1L);
  }

  @Test
  void aRedeliveredBatchChangesNothingAndCountsDuplicates() throws SQLException {
    UserChange created = change("1", Kind.CREATED, "ada@example.com", "ACTIVE", 1);
    UserChange suspended = change("1", Kind.UPDATED, "ada@example.com", "SUSPENDED", 2);
    apply(List.of(created, suspended));

    List<UserChange> redelivered = List.of(created, suspended, suspended,
        change("1", Kind.UPDATED, "ada@example.com", "ACTIVE", 1));

    assertThat(apply(redelivered)).containsExactly(ApplyOutcome.DUPLICATE, ApplyOutcome.DUPLICATE,
        ApplyOutcome.DUPLICATE, ApplyOutcome.STALE);
    assertThat(user("1")).extracting(UserCopy::status, UserCopy::version).containsExactly("SUSPENDED", 2L);
    assertThat(counters()).containsEntry("applied", 2L).containsEntry("duplicates", 3L)
        .containsEntry("stale", 1L);
  }

  @Test
  void theBatchDecidesAsTheSameEventsOneByOne() throws Exception {
    List<UserChange> events = List.of(
        change("1", Kind.UPDATED, "b@example.com", "ACTIVE", 4),
        change("2", Kind.CREATED, "c@example.com", "ACTIVE", 1),
        change("1", Kind.CREATED, "a@example.com", "ACTIVE", 1),
        change("2", Kind.DELETED, "c@example.com", null, 2),
        change("1", Kind.UPDATED, "d@example.com", "SUSPENDED", 5));
    Transactions.inTransaction(database.dataSource(),
        connection -> UserStore.apply(connection, change("1", Kind.UPDATED, "x@example.com", "ACTIVE", 3)));

    List<ApplyOutcome> batched = apply(events);

    List<UserCopy> batchedUsers = List.of(user("1"), user("2"));
    database.reset();
    Transactions.inTransaction(database.dataSource(),
        connection -> UserStore.apply(connection, change("1", Kind.UPDATED, "x@example.com", "ACTIVE", 3)));
    for (int i = 0; i < events.size(); i++) {
      UserChange event = events.get(i);
      ApplyOutcome oneByOne = Transactions.inTransaction(database.dataSource(),
          connection -> UserStore.apply(connection, event));
      assertThat(oneByOne).as("event %d", i).isEqualTo(batched.get(i));
    }
    assertThat(List.of(user("1"), user("2"))).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(batchedUsers);
  }

  private static UserChange change(String user, Kind kind, String email, String status, long version) {
    return new UserChange(UUID.randomUUID(), kind, user, email, status, version, version * 10);
  }

  private static List<ApplyOutcome> apply(List<UserChange> changes) throws SQLException {
    return Transactions.inTransaction(database.dataSource(), connection -> UserBatch.apply(connection, changes));
  }

  private static UserCopy user(String id) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return UserStore.find(connection, id).orElseThrow();
    }
  }

  private static long appliedEvents() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        var rows = connection.createStatement().executeQuery("select count(*) from applied_events")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Map<String, Long> counters() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return Counters.read(connection);
    }
  }
}
