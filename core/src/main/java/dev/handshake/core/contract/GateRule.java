package dev.handshake.core.contract;

/**
 * Rule IDs of the producer gate ({@code handshake:verify}). The static consumer-aware check reports with the
 * compatibility engine's own IDs ({@code FIELD_REMOVED_WITHOUT_DEFAULT}, {@code TYPE_MADE_NULLABLE}...).
 * Each ID has a page {@code docs/rules/<ID>.md}.
 */
public enum GateRule {
  /** The consumer's reader schema could not decode the producer's event (Avro schema resolution failed). */
  CONSUMER_CANNOT_DECODE,
  /** A decoded value broke an equality, regex, format or size expectation of the contract. */
  CONTRACT_VALUE_MISMATCH,
  /** A decoded value had another JSON type than the contract expects (type, integer, decimal... matchers). */
  CONTRACT_TYPE_MISMATCH,
  /** A value the contract expects was not in the decoded event. */
  CONTRACT_FIELD_MISSING,
  /** The contract file is not a readable Pact V4 message contract. */
  CONTRACT_INVALID,
  /** The interaction's reader schema is missing, not valid Avro, or does not match its fingerprint. */
  READER_SCHEMA_INVALID,
  /** No {@code @PactVerifyProvider} method builds the event an interaction describes. */
  FACTORY_MISSING,
  /** The event factory threw, or returned something that is not an Avro event. */
  FACTORY_FAILED,
  /** The producer's factory returned bytes and no writer schema for the consumer's record was found. */
  WRITER_SCHEMA_MISSING
}
