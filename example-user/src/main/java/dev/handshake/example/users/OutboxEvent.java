package dev.handshake.example.users;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** One positioned outbox row: what the feed serves and the relay publishes. {@code data} is the JSON view. */
record OutboxEvent(long position, UUID eventId, String type, String userId, long version, JsonNode data) {}
