package dev.handshake.core.gate;

import java.util.function.Predicate;

/**
 * Where a factory's failure started, for the finding: the root cause, and the first stack frame in the
 * producer's own code (the JDK frame that threw, {@code UnixException.translateToIOException}, says nothing
 * about which line of the factory to look at).
 */
final class FailureOrigin {
  private FailureOrigin() {
  }

  /** Library and JDK frames, when the producer's classes are not known. */
  static boolean notPlatform(String className) {
    return !(className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
        || className.startsWith("sun.") || className.startsWith("com.sun.") || className.startsWith("org.apache.avro.")
        || className.startsWith("dev.handshake.core."));
  }

  static String describe(Throwable e, Predicate<String> producerCode) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String cause = root == e ? "" : " (caused by " + root.getClass().getName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    StackTraceElement frame = firstFrame(root, producerCode);
    if (frame == null && root != e) {
      frame = firstFrame(e, producerCode);
    }
    return cause + (frame == null ? "" : " at " + frame);
  }

  private static StackTraceElement firstFrame(Throwable e, Predicate<String> producerCode) {
    StackTraceElement[] trace = e.getStackTrace();
    for (StackTraceElement element : trace) {
      if (producerCode.test(element.getClassName())) {
        return element;
      }
    }
    return trace.length == 0 ? null : trace[0];
  }
}
