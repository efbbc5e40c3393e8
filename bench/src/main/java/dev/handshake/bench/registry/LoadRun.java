package dev.handshake.bench.registry;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives {@code threads} client threads, each sending one request after another (closed loop), until the time
 * is up or each thread has sent {@code maxRequestsPerThread}: bounded in both, it always stops by itself.
 */
final class LoadRun {

    /** Builds the n-th request of client thread t. */
    interface RequestFactory {
        HttpRequest request(int thread, long n);
    }

    private final HttpClient http;
    private final int threads;
    private final Duration duration;
    private final long maxRequestsPerThread;

    LoadRun(HttpClient http, int threads, Duration duration, long maxRequestsPerThread) {
        this.http = http;
        this.threads = threads;
        this.duration = duration;
        this.maxRequestsPerThread = maxRequestsPerThread;
    }

    LoadResult run(RequestFactory requests) throws InterruptedException {
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[threads];
        long[] failures = new long[threads];
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            long[] mine = new long[(int) Math.min(maxRequestsPerThread, 4_000_000)];
            latencies.add(mine);
            Thread worker = new Thread(() -> {
                try {
                    long n = 0;
                    while (n < mine.length && System.nanoTime() < deadline) {
                        HttpRequest request = requests.request(thread, n);
                        long sent = System.nanoTime();
                        String problem = send(request);
                        mine[(int) n] = System.nanoTime() - sent;
                        n++;
                        if (problem != null) {
                            failures[thread]++;
                            firstFailure.compareAndSet(null, problem);
                        }
                    }
                    counts[thread] = n;
                } finally {
                    done.countDown();
                }
            }, "load-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, (int) counts[t]);
            at += (int) counts[t];
        }
        Arrays.sort(all);
        return new LoadResult(total, Arrays.stream(failures).sum(), elapsed, percentile(all, 0.50),
                percentile(all, 0.99), firstFailure.get());
    }

    /** Null when the registry answered 2xx, else what went wrong. */
    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            return request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return request.method() + " " + request.uri() + " -> " + e;
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
