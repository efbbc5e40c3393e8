package dev.handshake.example.auth.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a whole poll batch of changes with the same outcomes as {@link UserStore#apply} one by one, in a fixed
 * number of statements instead of several per event: one read of the batch's users' versions, one multi-row
 * {@code applied_events} insert, one multi-row upsert of each user's newest change, one counters update. Each event
 * still gets its own outcome (two updates of one user in a batch are both APPLIED when each was newer than what
 * came before it), so the applied count still counts every distinct event while only the newest state is written.
 * The caller checks auth's invariants first ({@link UserChange#checkInvariants}); a statement failing here fails
 * the batch, and the caller falls back to one event at a time to find the culprit.
 */
public final class UserBatch {

  private static final String VERSIONS = "select id, version from users where id = any (?) order by id for update";

  private static final String RECORD_IDS = """
      insert into applied_events (event_id, user_id, outcome)
      select event_id, user_id, outcome from unnest(?::uuid[], ?::text[], ?::text[]) as e (event_id, user_id, outcome)
      on conflict do nothing returning event_id""";

  // The same version guard as UserStore's single-row upsert; each user appears once, as ON CONFLICT requires.
  private static final String UPSERT = """
      insert into users (id, email, status, version, deleted, source_position)
      select * from unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::boolean[], ?::bigint[])
      on conflict (id) do update set email = excluded.email, status = coalesce(excluded.status, users.status),
        version = excluded.version, deleted = excluded.deleted, source_position = excluded.source_position,
        updated_at = now()
      where users.version < excluded.version""";

  private UserBatch() {
  }

  /** The outcome of each change, in the order given. */
  public static List<ApplyOutcome> apply(Connection connection, List<UserChange> changes) throws SQLException {
    if (changes.isEmpty()) {
      return List.of();
    }
    Map<String, Long> versions = currentVersions(connection, changes);
    // Outcomes as if applied one after another: newer than everything before it for that user, or stale.
    List<ApplyOutcome> outcomes = new ArrayList<>(changes.size());
    Set<UUID> seen = new HashSet<>();
    for (UserChange change : changes) {
      if (!seen.add(change.eventId())) {
        outcomes.add(ApplyOutcome.DUPLICATE);
        continue;
      }
      long newest = versions.getOrDefault(change.userId(), 0L);
      boolean newer = change.version() > newest;
      if (newer) {
        versions.put(change.userId(), change.version());
      }
      outcomes.add(newer ? ApplyOutcome.APPLIED : ApplyOutcome.STALE);
    }
    Set<UUID> recorded = recordEventIds(connection, changes, outcomes);
    Map<String, UserChange> newestPerUser = new LinkedHashMap<>();
    // A deletion keeps the status the user had, which may come from an earlier change in this very batch.
    Map<String, String> statusPerUser = new HashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      UserChange change = changes.get(i);
      if (outcomes.get(i) != ApplyOutcome.DUPLICATE && !recorded.contains(change.eventId())) {
        // Processed before this batch (a redelivery): no effect, as UserStore.apply would decide.
        outcomes.set(i, ApplyOutcome.DUPLICATE);
      } else if (outcomes.get(i) == ApplyOutcome.APPLIED) {
        newestPerUser.put(change.userId(), change);
        if (!change.deletes()) {
          statusPerUser.put(change.userId(), change.status());
        }
      }
    }
    upsert(connection, newestPerUser.values(), statusPerUser);
    Map<ApplyOutcome, Long> counts = new EnumMap<>(ApplyOutcome.class);
    outcomes.forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
    Counters.addAll(connection, counts);
    return outcomes;
  }

  private static Map<String, Long> currentVersions(Connection connection, List<UserChange> changes)
      throws SQLException {
    String[] ids = changes.stream().map(UserChange::userId).distinct().toArray(String[]::new);
    Map<String, Long> versions = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(VERSIONS)) {
      select.setArray(1, connection.createArrayOf("text", ids));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          versions.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return versions;
  }

  /** Records the ids of the batch's first occurrences; returns those not processed before. */
  private static Set<UUID> recordEventIds(Connection connection, List<UserChange> changes,
      List<ApplyOutcome> outcomes) throws SQLException {
    List<String> ids = new ArrayList<>();
    List<String> users = new ArrayList<>();
    List<String> marks = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      if (outcomes.get(i) != ApplyOutcome.DUPLICATE) {
        ids.add(changes.get(i).eventId().toString());
        users.add(changes.get(i).userId());
        marks.add(outcomes.get(i).name());
      }
    }
    Set<UUID> recorded = new HashSet<>();
    try (PreparedStatement insert = connection.prepareStatement(RECORD_IDS)) {
      insert.setArray(1, texts(connection, ids));
      insert.setArray(2, texts(connection, users));
      insert.setArray(3, texts(connection, marks));
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          recorded.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return recorded;
  }

  /** {@code statusPerUser}: the status a deletion keeps when the batch set one before it (else the row's). */
  private static void upsert(Connection connection, Iterable<UserChange> changes, Map<String, String> statusPerUser)
      throws SQLException {
    List<UserChange> rows = new ArrayList<>();
    changes.forEach(rows::add);
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      upsert.setArray(1, texts(connection, rows.stream().map(UserChange::userId).toList()));
      upsert.setArray(2, texts(connection, rows.stream().map(UserChange::email).toList()));
      upsert.setArray(3, texts(connection, rows.stream()
          .map(c -> c.deletes() ? statusPerUser.get(c.userId()) : c.status()).toList()));
      upsert.setArray(4, connection.createArrayOf("bigint", rows.stream().map(UserChange::version).toArray()));
      upsert.setArray(5, connection.createArrayOf("boolean", rows.stream().map(UserChange::deletes).toArray()));
      upsert.setArray(6, connection.createArrayOf("bigint",
          rows.stream().map(UserChange::sourcePosition).toArray()));
      upsert.executeUpdate();
    }
  }

  private static Array texts(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray());
  }
}
