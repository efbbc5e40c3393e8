package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;

/**
 * The record key a consumer needs: how it reads the key ({@code format}, with the Avro reader schema when the
 * key is Avro), the expected JSON view of the key and the matching rules that apply to it (the contract's
 * {@code metadata} rules for {@code handshake.key}, as rules at the key's root). {@code pointer} locates the
 * expected key in the contract file.
 */
public record ExpectedKey(KeyFormat format, Schema schema, JsonNode example, MatchingRules rules, String pointer) {
}
