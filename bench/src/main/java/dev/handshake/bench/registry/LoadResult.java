package dev.handshake.bench.registry;

import java.time.Duration;

/** What one fixed-thread, fixed-time load run measured. */
record LoadResult(long requests, long failures, Duration elapsed, long p50Nanos, long p99Nanos, String firstFailure) {

    double requestsPerSecond() {
        return requests / (elapsed.toNanos() / 1e9);
    }

    /** Throughput of the requests that succeeded: a failed registration registered nothing. */
    double successesPerSecond() {
        return (requests - failures) / (elapsed.toNanos() / 1e9);
    }

    static String millis(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }
}
