package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record header a consumer needs: its name, the expected value as UTF-8 text and the matching rules that
 * apply to it (the contract's {@code metadata} rules for {@code handshake.header.<name>}). {@code pointer}
 * locates the expected value in the contract file.
 */
public record ExpectedHeader(String name, JsonNode example, MatchingRules rules, String pointer) {
}
