package dev.handshake.core.usage;

import dev.handshake.core.contract.MessageInteraction;
import org.apache.avro.Schema;

/** One interaction of a consumer's contract with the reader schema it decodes with. */
public record ConsumerReader(String consumer, String contract, MessageInteraction interaction, Schema reader) {
}
