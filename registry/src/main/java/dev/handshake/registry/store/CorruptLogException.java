package dev.handshake.registry.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The log has a bad frame with intact frames after it: not a torn tail but damage (a flipped bit, a bad sector),
 * and the frames after it may be acknowledged records. Starting anyway would drop them and hand their ids to new
 * schemas, so the registry refuses to start and says how to cut the log explicitly.
 */
public final class CorruptLogException extends IOException {
  private static final long serialVersionUID = 1L;

  CorruptLogException(Path file, long badFrame, long nextIntactFrame) {
    super(file + " is corrupted at offset " + badFrame + ": the frame there fails its check, and intact records "
        + "follow it (the next at offset " + nextIntactFrame + "), so it is not the torn tail of an unfinished "
        + "write and records after it may have been acknowledged. The registry does not start on it. Keep a copy "
        + "of " + file.getParent() + ", then run `handshake registry repair --data-dir " + file.getParent()
        + "`: it cuts the log at offset " + badFrame + ", keeps the cut bytes in " + StoreLog.CUT_PREFIX
        + "<time> beside it, and moves the id counter past every id they may hold; re-register the schemas "
        + "that were cut from your sources");
  }
}
