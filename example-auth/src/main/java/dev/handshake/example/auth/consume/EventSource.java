package dev.handshake.example.auth.consume;

import java.util.Optional;

/** Where auth's user events come from: the Kafka topic, or user-service's pull feed. */
public interface EventSource extends AutoCloseable {

  /** No source configured: auth serves logins and its admin API from what its database already holds. */
  EventSource NONE = new EventSource() {
    @Override
    public void start() {
    }

    @Override
    public long lag() {
      return -1;
    }

    @Override
    public long transientFailures() {
      return 0;
    }

    @Override
    public ConsumerLag consumerLag() {
      return ConsumerLag.unknown("auth-service reads no events: KAFKA_BOOTSTRAP_SERVERS is not set and EVENT_SOURCE is "
          + "not feed");
    }

    @Override
    public void close() {
    }
  };

  void start();

  /** How many events auth has not applied yet, as far as it knows (-1 when unknown). */
  long lag();

  /** The lag per partition, or why it is unknown ({@code GET /admin/stats}, {@code GET /metrics}). */
  default ConsumerLag consumerLag() {
    long events = lag();
    return events < 0 ? ConsumerLag.unknown("the event source has not measured its lag yet") : ConsumerLag.total(events);
  }

  /** Empty while the source reads (it has partitions, or its feed answers); else why not ({@code /health/ready}). */
  default Optional<String> notReadyBecause() {
    return Optional.empty();
  }

  /** How often reading or applying failed transiently (and was retried) since start. */
  long transientFailures();

  /**
   * How many batches were rolled back whole since start because another instance of the consumer group had moved
   * their partitions on (this one had been thrown out of the group while applying them).
   */
  default long fencedBatches() {
    return 0;
  }

  @Override
  void close();
}
