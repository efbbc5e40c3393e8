package dev.handshake.bench.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process, as Linux reports it in /proc/PID/status. */
final class Rss {

    private Rss() {
    }

    static long kib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("/proc/" + pid + "/status has no VmRSS line");
    }
}
