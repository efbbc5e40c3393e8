package dev.handshake.core.gate;

/**
 * The producer's code that builds the real event for one interaction: in a Maven build, a method annotated
 * {@code @PactVerifyProvider("<description>")} in the producer's test classes.
 */
public interface EventFactory {
  /** Where the factory is, for messages: {@code com.acme.UserEventFactories.userDeleted()}. */
  String source();

  /**
   * The event: an Avro record (GenericContainer or generated class) or the bytes the production
   * serializer writes (Kafka wire format, as {@code byte[]} or {@code ByteBuffer}).
   */
  Object create() throws Exception;

  /** Time the factory took where it ran before {@link #outcome()} (in a forked JVM); zero when it runs here. */
  default java.time.Duration callTime() {
    return java.time.Duration.ZERO;
  }

  /** Calls the factory here; one run in another JVM ({@link FactoryFork}) returns what it brought back. */
  default EventOutcome outcome() {
    return EventOutcome.of(this, FailureOrigin::notPlatform);
  }
}
