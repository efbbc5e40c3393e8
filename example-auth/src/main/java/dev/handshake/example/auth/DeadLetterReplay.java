package dev.handshake.example.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.example.auth.consume.EventDecoder;
import dev.handshake.example.auth.consume.Failures;
import dev.handshake.example.auth.consume.TransientFailureException;
import dev.handshake.example.auth.store.ApplyOutcome;
import dev.handshake.example.auth.store.DeadLetter;
import dev.handshake.example.auth.store.DeadLetterStore;
import dev.handshake.example.support.Transactions;
import dev.handshake.example.auth.store.UserChange;
import dev.handshake.example.auth.store.UserStore;
import dev.handshake.example.auth.sync.FeedEventSource;
import dev.handshake.example.auth.sync.FeedEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Re-processes the stored dead letters with the code and reader schemas auth runs now (the source documents' "push
 * all the DLQ messages back into the inbox after deploying a new version"). Each dead letter is locked, applied and
 * resolved in its own transaction, so one replay never applies a letter twice, two replays never race, and an
 * event already applied by another path counts as a duplicate; those still failing stay, with their new error.
 */
public final class DeadLetterReplay {
  private static final int PAGE = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;
  private final EventDecoder decoder;

  public DeadLetterReplay(DataSource dataSource, EventDecoder decoder) {
    this.dataSource = dataSource;
    this.decoder = decoder;
  }

  /** What one replay did. */
  public record Result(int replayed, int alreadyApplied, int stillFailing) {
  }

  public Result replayAll() throws SQLException {
    List<DeadLetter> letters;
    try (Connection connection = dataSource.getConnection()) {
      letters = DeadLetterStore.unresolved(connection, PAGE);
    }
    int replayed = 0;
    int alreadyApplied = 0;
    int stillFailing = 0;
    for (DeadLetter candidate : letters) {
      try {
        Optional<ApplyOutcome> outcome = Transactions.inTransaction(dataSource, connection -> replay(connection,
            candidate.id()));
        if (outcome.isPresent()) {
          if (outcome.get() == ApplyOutcome.DUPLICATE) {
            alreadyApplied++;
          } else {
            replayed++;
          }
        }
      } catch (RuntimeException | SQLException failure) {
        if (Failures.isTransient(failure)) {
          if (failure instanceof SQLException sql) {
            throw sql;
          }
          throw new TransientFailureException("Replay stopped on a transient failure: "
              + Failures.message(failure), failure);
        }
        Transactions.inTransaction(dataSource, connection -> {
          DeadLetterStore.failedAgain(connection, candidate.id(), failure.getClass().getName(),
              Failures.message(failure));
          return null;
        });
        stillFailing++;
      }
    }
    return new Result(replayed, alreadyApplied, stillFailing);
  }

  private Optional<ApplyOutcome> replay(Connection connection, long id) throws SQLException {
    Optional<DeadLetter> locked = DeadLetterStore.lockUnresolved(connection, id);
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    UserChange change = decode(locked.get());
    ApplyOutcome outcome = UserStore.apply(connection, change);
    DeadLetterStore.resolve(connection, id);
    return Optional.of(outcome);
  }

  private UserChange decode(DeadLetter letter) {
    if (FeedEventSource.DEAD_LETTER_TOPIC.equals(letter.topic())) {
      try {
        return FeedEvents.toChange(JSON.readTree(letter.value()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Stored feed event " + letter.offset() + " is not JSON", e);
      }
    }
    RecordHeaders headers = new RecordHeaders();
    letter.headers().forEach(header -> headers.add(header.name(), header.value()));
    return decoder.decode(letter.topic(), headers, letter.key(), letter.value());
  }
}
