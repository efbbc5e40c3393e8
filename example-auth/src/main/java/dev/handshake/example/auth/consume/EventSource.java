package dev.handshake.example.auth.consume;

/** Where auth's user events come from: the Kafka topic, or user-service's pull feed. */
public interface EventSource extends AutoCloseable {

  void start();

  /** How many events auth has not applied yet, as far as it knows (-1 when unknown). */
  long lag();

  @Override
  void close();
}
