package dev.handshake.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server started as a child process, ready once a line of its output matches a pattern.
 *
 * <p>Its output (stdout and stderr merged) is drained by a daemon thread for the whole life of the process, so a
 * chatty server never blocks on a full pipe; the last lines are kept for error messages.
 */
public final class ServerProcess implements AutoCloseable {

    private static final int TAIL_LINES = 60;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Matcher> ready = new CompletableFuture<>();
    private final Matcher readyMatch;
    private final Duration startupTime;

    private ServerProcess(String name, List<String> command, Pattern readyLine, Duration timeout) {
        this.name = name;
        long startNanos = System.nanoTime();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " with: " + String.join(" ", command), e);
        }
        Thread drainer = new Thread(() -> drain(readyLine), name + "-output");
        drainer.setDaemon(true);
        drainer.start();
        // The drainer completes `ready` with the matching line, or exceptionally when the output ends first
        // (the process exited): reading to the end first means a last-moment readiness line is never missed.
        try {
            readyMatch = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            startupTime = Duration.ofNanos(System.nanoTime() - startNanos);
        } catch (TimeoutException e) {
            destroy();
            throw new IllegalStateException(name + " printed no line matching /" + readyLine + "/ within " + timeout
                    + "; command: " + String.join(" ", command) + "\n" + tailText(), e);
        } catch (ExecutionException e) {
            destroy();
            throw new IllegalStateException(name + " exited before it was ready (exit code "
                    + exitCodeOrUnknown() + "); command: " + String.join(" ", command) + "\n" + tailText(), e);
        } catch (InterruptedException e) {
            destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to start", e);
        }
    }

    /** Starts {@code command} and waits until one output line matches {@code readyLine}, at most {@code timeout}. */
    public static ServerProcess start(String name, List<String> command, Pattern readyLine, Duration timeout) {
        return new ServerProcess(name, command, readyLine, timeout);
    }

    /** The match of the readiness line, for its groups (host, port...). */
    public Matcher readyMatch() {
        return readyMatch;
    }

    /** From just before the process was spawned until its readiness line was read. */
    public Duration startupTime() {
        return startupTime;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the process printed, oldest first. */
    public String tailText() {
        synchronized (tail) {
            return "--- last " + tail.size() + " lines of " + name + " output ---\n" + String.join("\n", tail);
        }
    }

    /** SIGKILL on Linux: no shutdown hook runs, as in a crash; returns once the process is gone. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        destroy();
    }

    private void destroy() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void drain(Pattern readyLine) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                if (!ready.isDone()) {
                    Matcher matcher = readyLine.matcher(line);
                    if (matcher.find()) {
                        ready.complete(matcher);
                    }
                }
            }
        } catch (IOException e) {
            // The pipe closes when the process is destroyed; nothing left to read.
        } finally {
            ready.completeExceptionally(new IllegalStateException("output ended"));
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    private String exitCodeOrUnknown() {
        try {
            return process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    ? String.valueOf(process.exitValue()) : "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
