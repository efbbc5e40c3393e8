package dev.handshake.core.compat;

import dev.handshake.core.schema.SchemaFile;

/** A schema with the name findings use for it: "v3", "the candidate", "consumer auth-service". */
public record SchemaVersion(String label, SchemaFile file) {
}
