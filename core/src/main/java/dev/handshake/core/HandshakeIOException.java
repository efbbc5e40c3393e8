package dev.handshake.core;

import java.io.IOException;

/**
 * A file Handshake needs could not be read or written for a reason the user's input does not explain (a disk,
 * permissions, a directory that vanished): front ends report it as an environment failure (Maven's
 * {@code MojoExecutionException}, CLI exit 3), not as a finding or bad input.
 */
public class HandshakeIOException extends HandshakeException {
  public HandshakeIOException(String message, IOException cause) {
    super(message + ": " + cause, cause);
  }
}
