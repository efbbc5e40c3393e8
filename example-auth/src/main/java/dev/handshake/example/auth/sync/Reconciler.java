package dev.handshake.example.auth.sync;

import dev.handshake.example.auth.store.SnapshotWrites;
import dev.handshake.example.auth.store.UserCopy;
import dev.handshake.example.auth.store.UserStore;
import dev.handshake.example.auth.sync.UserServiceClient.SnapshotRow;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Repairs auth's copy from user-service's snapshot: missing users, stale fields, users deleted upstream. It never
 * lets the snapshot's older state overwrite a newer one auth got from an event meanwhile (the source documents'
 * "overwriting changes in auth from recently received messages with stale data"): a row is written only when its
 * version is newer (guarded in the statement), and a user missing from the snapshot is deleted only when auth's
 * state of them is from at or before the snapshot's position.
 */
public final class Reconciler {
  private static final int PAGE = 1_000;

  private final DataSource dataSource;
  private final UserServiceClient.SnapshotSource snapshots;

  public Reconciler(DataSource dataSource, UserServiceClient.SnapshotSource snapshots) {
    this.dataSource = dataSource;
    this.snapshots = snapshots;
  }

  /** {@code POST /admin/reconcile}'s answer. */
  public record Result(long checked, long repaired, long skippedNewer, boolean dryRun) {
  }

  public Result reconcile(boolean dryRun) throws Exception {
    Tally tally = new Tally();
    Set<String> inSnapshot = new HashSet<>();
    long[] position = new long[1];
    try (Connection connection = dataSource.getConnection()) {
      snapshots.read(new UserServiceClient.SnapshotReader() {
        @Override
        public void position(long snapshotPosition) {
          position[0] = snapshotPosition;
        }

        @Override
        public void row(SnapshotRow row) throws Exception {
          inSnapshot.add(row.id());
          checkRow(connection, row, position[0], dryRun, tally);
        }
      });
      checkDeletedUpstream(connection, inSnapshot, position[0], dryRun, tally);
    }
    return new Result(tally.checked, tally.repaired, tally.skippedNewer, dryRun);
  }

  private static void checkRow(Connection connection, SnapshotRow row, long position, boolean dryRun, Tally tally)
      throws Exception {
    tally.checked++;
    Optional<UserCopy> local = UserStore.find(connection, row.id());
    if (local.isPresent() && (local.get().version() > row.version()
        || local.get().deleted() && local.get().version() >= row.version())) {
      tally.skippedNewer++;
      return;
    }
    boolean differs = local.isEmpty() || local.get().version() < row.version()
        || !local.get().email().equals(row.email()) || !row.status().equals(local.get().status());
    if (!differs) {
      return;
    }
    if (dryRun || SnapshotWrites.writeRow(connection, row.id(), row.email(), row.status(), row.version(),
        position)) {
      tally.repaired++;
    } else {
      tally.skippedNewer++;
    }
  }

  private static void checkDeletedUpstream(Connection connection, Set<String> inSnapshot, long position,
      boolean dryRun, Tally tally) throws Exception {
    String after = null;
    List<UserCopy> page;
    do {
      page = UserStore.page(connection, after, PAGE);
      for (UserCopy user : page) {
        if (user.deleted() || inSnapshot.contains(user.id())) {
          continue;
        }
        tally.checked++;
        if (user.sourcePosition() != null && user.sourcePosition() > position) {
          tally.skippedNewer++;
        } else if (dryRun || SnapshotWrites.markDeletedUpstream(connection, user.id(), user.version(),
            position)) {
          tally.repaired++;
        } else {
          tally.skippedNewer++;
        }
      }
      after = page.isEmpty() ? after : page.get(page.size() - 1).id();
    } while (page.size() == PAGE);
  }

  private static final class Tally {
    long checked;
    long repaired;
    long skippedNewer;
  }
}
