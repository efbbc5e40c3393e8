package dev.handshake.testsupport;

import java.nio.file.Path;

/** The java launcher of the running JVM, so child servers run on the same JDK as the tests that start them. */
final class JavaCommand {

    private JavaCommand() {
    }

    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
