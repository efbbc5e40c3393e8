package dev.handshake.bench.registry;

import dev.handshake.testsupport.ApicurioRegistryProcess;
import dev.handshake.testsupport.EmbeddedRegistryProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded registry and Apicurio Registry 2.4.2 side by side on loopback, each in its own JVM with the same
 * options: start-up time, GET /schemas/ids/{id} and POST /subjects/{s}/versions throughput and p99 latency with a
 * fixed number of closed-loop client threads, and resident memory after warm-up.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.handshake.bench.registry.RegistryBenchmark \
 *     [--threads 4] [--seconds 10] [--warmup-seconds 5] [--starts 3] [--jvm-opts "-Xmx256m"] \
 *     [--embedded-jvm-opts "..."] [--apicurio-jvm-opts "..."] \
 *     [--targets embedded,apicurio] [--apicurio-jar apicurio-app/target/quarkus-app/quarkus-run.jar]
 * </pre>
 *
 * Run it from the repository root after {@code ./mvnw -B -q -pl bench -am install -DskipTests}.
 */
public final class RegistryBenchmark {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final int SEED_SCHEMAS = 100;
    private static final long MAX_REQUESTS_PER_THREAD = 2_000_000;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RegistryBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.println("# registry benchmark: " + options);
        System.out.println("# java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs; client and servers share them");
        List<Result> results = new ArrayList<>();
        RegistryBenchmark benchmark = new RegistryBenchmark(options);
        for (String target : options.targets()) {
            results.add(benchmark.measure(target));
        }
        print(results);
    }

    private Result measure(String target) throws Exception {
        System.out.println("# " + target + ": " + options.starts() + " start(s)");
        List<Duration> startups = new ArrayList<>();
        List<Path> dataDirs = new ArrayList<>();
        try {
            Running registry = null;
            for (int i = 0; i < options.starts(); i++) {
                if (registry != null) {
                    registry.close().run();
                }
                registry = start(target, dataDirs);
                startups.add(registry.startup());
                System.out.println("#   start " + (i + 1) + ": " + registry.startup().toMillis() + " ms");
            }
            try {
                return load(target, registry, startups);
            } finally {
                registry.close().run();
            }
        } finally {
            for (Path dir : dataDirs) {
                deleteRecursively(dir);
            }
        }
    }

    private Running start(String target, List<Path> dataDirs) throws IOException {
        switch (target) {
            case "embedded" -> {
                Path dataDir = Files.createTempDirectory("handshake-bench-registry");
                dataDirs.add(dataDir);
                EmbeddedRegistryProcess p = EmbeddedRegistryProcess.start(
                        options.embeddedClasspath(), dataDir, options.jvmOptionsFor(target));
                return new Running(p.baseUrl(), p.pid(), p.startupTime(), p::close);
            }
            case "apicurio" -> {
                ApicurioRegistryProcess p = ApicurioRegistryProcess.start(
                        options.apicurioJar(), options.jvmOptionsFor(target), Duration.ofSeconds(120));
                return new Running(p.baseUrl(), p.pid(), p.startupTime(), p::close);
            }
            default -> throw new IllegalArgumentException(
                    "--targets: unknown registry '" + target + "'; use embedded and/or apicurio");
        }
    }

    private Result load(String target, Running registry, List<Duration> startups) throws Exception {
        String base = registry.baseUrl();
        // Both registries apply BACKWARD: Apicurio defaults to NONE, the embedded registry to BACKWARD.
        send(HttpRequest.newBuilder(URI.create(base + "/config")).header("Content-Type", CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}")).build());
        int[] ids = new int[SEED_SCHEMAS];
        for (int i = 0; i < SEED_SCHEMAS; i++) {
            ids[i] = register(base, "seed-" + i, "Seed" + i);
        }

        LoadRun warmup = new LoadRun(http, options.threads(), options.warmup(), MAX_REQUESTS_PER_THREAD);
        LoadRun measured = new LoadRun(http, options.threads(), options.duration(), MAX_REQUESTS_PER_THREAD);
        LoadRun.RequestFactory lookups = (thread, n) -> HttpRequest.newBuilder(
                URI.create(base + "/schemas/ids/" + ids[(int) ((n * 7 + thread) % ids.length)]))
                .header("Accept", CONTENT_TYPE).GET().build();

        System.out.println("#   warm-up: " + options.warmup().toSeconds() + " s lookups, "
                + options.warmup().toSeconds() + " s registrations");
        check(warmup.run(lookups));
        reportFailures(warmup.run(registrations(base, "warm")), "warm-up registrations");
        long rssAfterWarmup = Rss.kib(registry.pid());

        LoadResult lookupResult = check(measured.run(lookups));
        System.out.printf(Locale.ROOT, "#   lookups: %.0f/s, p99 %s ms%n", lookupResult.requestsPerSecond(),
                LoadResult.millis(lookupResult.p99Nanos()));
        LoadResult registerResult = reportFailures(measured.run(registrations(base, "bench")), "registrations");
        System.out.printf(Locale.ROOT, "#   registrations: %.0f/s, p99 %s ms, %d failed%n",
                registerResult.requestsPerSecond(), LoadResult.millis(registerResult.p99Nanos()),
                registerResult.failures());
        long rssAfterRun = Rss.kib(registry.pid());
        return new Result(target, startups, lookupResult, registerResult, rssAfterWarmup, rssAfterRun);
    }

    /** Every request a new schema under a new subject: measures id assignment and storage, not compatibility. */
    private static LoadRun.RequestFactory registrations(String base, String prefix) {
        return (thread, n) -> {
            String subject = prefix + "-" + thread + "-" + n;
            String record = "R_" + prefix + "_" + thread + "_" + n;
            return HttpRequest.newBuilder(URI.create(base + "/subjects/" + subject + "/versions"))
                    .header("Content-Type", CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(registerBody(record))).build();
        };
    }

    private int register(String base, String subject, String record) throws IOException, InterruptedException {
        String body = send(HttpRequest.newBuilder(URI.create(base + "/subjects/" + subject + "/versions"))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(registerBody(record))).build());
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("Registering " + subject + " at " + base + " answered " + body);
        }
        return Integer.parseInt(id.group(1));
    }

    private static String registerBody(String recordName) {
        String schema = "{\"type\":\"record\",\"name\":\"" + recordName + "\",\"namespace\":\"dev.handshake.bench\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"email\",\"type\":\"string\"},"
                + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"default\":[]}]}";
        return "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * Concurrent registrations are a correctness probe too (Apicurio 2.4.2's in-memory H2 storage answers some
     * with 500 on a unique-key race): they are counted and shown, not hidden, and not counted as throughput.
     */
    private static LoadResult reportFailures(LoadResult result, String what) {
        if (result.failures() > 0) {
            System.out.println("#   " + what + ": " + result.failures() + " of " + result.requests()
                    + " failed; first: " + result.firstFailure().lines().findFirst().orElse(""));
        }
        return result;
    }

    /** A benchmark whose requests failed measured something else: stop rather than print a figure. */
    private static LoadResult check(LoadResult result) {
        if (result.failures() > 0) {
            throw new IllegalStateException(result.failures() + " of " + result.requests()
                    + " requests failed; first: " + result.firstFailure());
        }
        return result;
    }

    private static void print(List<Result> results) {
        System.out.println();
        System.out.println("| registry | start-up (median of runs, ms) | lookups/s | lookup p99 (ms) "
                + "| registrations/s | registration p99 (ms) | failed registrations "
                + "| RSS after warm-up (MiB) | RSS after run (MiB) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %s | %.0f | %s | %d of %d | %.0f | %.0f |%n",
                    r.target(), r.medianStartup().toMillis(),
                    r.lookups().requestsPerSecond(), LoadResult.millis(r.lookups().p99Nanos()),
                    r.registrations().successesPerSecond(), LoadResult.millis(r.registrations().p99Nanos()),
                    r.registrations().failures(), r.registrations().requests(),
                    r.rssAfterWarmupKib() / 1024.0, r.rssAfterRunKib() / 1024.0);
        }
        Result embedded = find(results, "embedded");
        Result apicurio = find(results, "apicurio");
        if (embedded != null && apicurio != null) {
            double lookupRatio = embedded.lookups().requestsPerSecond() / apicurio.lookups().requestsPerSecond();
            double rssRatio = (double) embedded.rssAfterWarmupKib() / apicurio.rssAfterWarmupKib();
            System.out.println();
            System.out.printf(Locale.ROOT, "lookups/s embedded / Apicurio: %.2fx (goal >= 2x): %s%n",
                    lookupRatio, lookupRatio >= 2 ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "RSS embedded / Apicurio: %.2f (goal <= 0.5): %s%n",
                    rssRatio, rssRatio <= 0.5 ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "embedded start-up %d ms (goal <= 500 ms): %s%n",
                    embedded.medianStartup().toMillis(),
                    embedded.medianStartup().toMillis() <= 500 ? "met" : "NOT met");
        }
    }

    private static Result find(List<Result> results, String target) {
        return results.stream().filter(r -> r.target().equals(target)).findFirst().orElse(null);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Running(String baseUrl, long pid, Duration startup, Runnable close) {
    }

    private record Result(String target, List<Duration> startups, LoadResult lookups, LoadResult registrations,
            long rssAfterWarmupKib, long rssAfterRunKib) {

        Duration medianStartup() {
            List<Duration> sorted = startups.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    record Options(int threads, Duration duration, Duration warmup, int starts, List<String> jvmOptions,
            List<String> embeddedJvmOptions, List<String> apicurioJvmOptions, List<String> targets,
            Path apicurioJar, String embeddedClasspath) {

        /** --embedded-jvm-opts / --apicurio-jvm-opts when given, else the shared --jvm-opts. */
        List<String> jvmOptionsFor(String target) {
            List<String> own = target.equals("embedded") ? embeddedJvmOptions : apicurioJvmOptions;
            return own != null ? own : jvmOptions;
        }

        static Options parse(String[] args) {
            int threads = 4;
            Duration duration = Duration.ofSeconds(10);
            Duration warmup = Duration.ofSeconds(5);
            int starts = 3;
            List<String> jvmOptions = List.of("-Xmx256m");
            List<String> embeddedJvmOptions = null;
            List<String> apicurioJvmOptions = null;
            List<String> targets = List.of("embedded", "apicurio");
            Path apicurioJar = null;
            String classpath = System.getProperty("java.class.path");
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--threads" -> threads = positive(name, value);
                    case "--seconds" -> duration = Duration.ofSeconds(positive(name, value));
                    case "--warmup-seconds" -> warmup = Duration.ofSeconds(positive(name, value));
                    case "--starts" -> starts = positive(name, value);
                    case "--jvm-opts" -> jvmOptions = words(value);
                    case "--embedded-jvm-opts" -> embeddedJvmOptions = words(value);
                    case "--apicurio-jvm-opts" -> apicurioJvmOptions = words(value);
                    case "--targets" -> targets = Arrays.asList(value.split(","));
                    case "--apicurio-jar" -> apicurioJar = Path.of(value);
                    case "--embedded-classpath" -> classpath = value;
                    default -> throw new IllegalArgumentException("Unknown option " + name + "; options: --threads, "
                            + "--seconds, --warmup-seconds, --starts, --jvm-opts, --embedded-jvm-opts, "
                            + "--apicurio-jvm-opts, --targets, --apicurio-jar, --embedded-classpath");
                }
            }
            if (apicurioJar == null && targets.contains("apicurio")) {
                apicurioJar = ApicurioRegistryProcess.locateRunnerJar();
            }
            return new Options(threads, duration, warmup, starts, jvmOptions, embeddedJvmOptions,
                    apicurioJvmOptions, targets, apicurioJar, classpath);
        }

        private static List<String> words(String value) {
            return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
        }

        private static int positive(String name, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value + "'");
        }

        @Override
        public String toString() {
            return "threads=" + threads + ", seconds=" + duration.toSeconds() + ", warm-up seconds="
                    + warmup.toSeconds() + ", starts=" + starts + ", jvm options: embedded "
                    + jvmOptionsFor("embedded") + ", apicurio " + jvmOptionsFor("apicurio") + ", targets=" + targets;
        }
    }
}
