package dev.handshake.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Handshake checkout around the working directory: Maven runs each module's tests inside that module. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("apicurio-app"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Handshake checkout (a directory with mvnw and apicurio-app/) encloses "
                + start + "; run from inside the repository or pass the jar's path explicitly");
    }
}
