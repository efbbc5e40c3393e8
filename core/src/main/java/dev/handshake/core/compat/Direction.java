package dev.handshake.core.compat;

/** Which way a reader/writer pair was checked, named as Confluent names it. */
public enum Direction {
  /** The candidate (newer) schema reads data written with an earlier version. */
  BACKWARD,
  /** An earlier version reads data written with the candidate (newer) schema. */
  FORWARD
}
