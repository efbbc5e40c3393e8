package dev.handshake.example.auth.store;

import java.util.List;

/**
 * A record auth could not decode or apply, kept byte for byte (key, value, headers in order) with where it came
 * from and why it failed. {@code id} is 0 until stored.
 */
public record DeadLetter(long id, String topic, int partition, long offset, long timestamp, String timestampType,
    byte[] key, byte[] value, List<Header> headers, String errorClass, String errorMessage, int replayAttempts) {

  /** One record header; headers may repeat a name, so they are a list, not a map. */
  public record Header(String name, byte[] value) {
  }

  public DeadLetter {
    headers = List.copyOf(headers);
  }
}
