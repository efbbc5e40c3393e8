package dev.handshake.core.contract;

import java.nio.file.Path;

/** A contract file to verify and the path findings show for it (relative to the project, or an artifact). */
public record ContractSource(Path file, String displayPath) {
}
