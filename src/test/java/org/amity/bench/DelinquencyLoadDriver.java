package org.amity.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load driver (not a test): GET /api/v1/loans/{id}/delinquency against a running Amity from N concurrent
 * clients, each waiting for its answer before the next request (closed loop), over loopback.
 *
 * <pre>
 * ./mvnw -q spring-boot:run &amp;   # demo data
 * ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.amity.bench.DelinquencyLoadDriver -Dexec.args="http://localhost:8080 16 10 30"
 * </pre>
 * Arguments: base URL, clients, warm-up seconds, measured seconds, client ({@code java} or {@code socket}: one
 * keep-alive socket per client with hand-written HTTP/1.1, see {@link SocketSession}). Uses the demo API client dialer/demo.
 */
public final class DelinquencyLoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("ids")) {
            // write loan ids for wrk (bench/delinquency.lua): ids <baseUrl> <file> [count]
            HttpClient http = HttpClient.newHttpClient();
            String staff = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
            java.nio.file.Files.write(java.nio.file.Path.of(args[2]),
                    loanIds(http, args[1], staff, args.length > 3 ? Integer.parseInt(args[3]) : 500));
            return;
        }
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int measureSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        // "socket": each client on one keep-alive socket with hand-written HTTP/1.1 (SocketSession), so that the client
        // takes little of the two cores it shares with the server; "java" (default): java.net.http.HttpClient
        boolean socket = args.length > 4 && args[4].equals("socket");
        String auth = "Basic " + Base64.getEncoder().encodeToString("dialer:demo".getBytes(StandardCharsets.UTF_8));
        String staff = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        List<String> loanIds = loanIds(http, base, staff, 500);
        System.out.printf("Driving %d clients over %d loans: %ds warm-up, %ds measured%n", clients, loanIds.size(), warmupSeconds, measureSeconds);

        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + measureSeconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            long[] samples = new long[4_000_000];
            perClient.add(samples);
            int client = c;
            Thread t = new Thread(() -> {
                SocketSession raw = socket ? new SocketSession(URI.create(base), auth) : null;
                int n = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start > end) {
                        break;
                    }
                    String id = loanIds.get(ThreadLocalRandom.current().nextInt(loanIds.size()));
                    try {
                        int status = raw != null ? raw.get("/api/v1/loans/" + id + "/delinquency")
                                : http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/loans/" + id + "/delinquency"))
                                        .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long took = System.nanoTime() - start;
                    if (start >= warmupEnd && n < samples.length) {
                        samples[n++] = took;
                    }
                }
                counts[client] = n;
                if (raw != null) {
                    raw.close();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, offset, counts[c]);
            offset += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("requests=%d errors=%d throughput=%.0f req/s%n", total, errors.get(), total / (double) measureSeconds);
        System.out.printf("latency ms: p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f%n",
                ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), ms(all, 0.999), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Finds loans through the API an agent would use: search by loan number, then the customer's loans. */
    private static List<String> loanIds(HttpClient http, String base, String auth, int wanted) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int n = 1; ids.size() < wanted && n < wanted * 3; n++) {
            String q = URLEncoder.encode(String.format("L%07d", n), StandardCharsets.UTF_8);
            JsonNode hits = get(http, base + "/api/v1/customers?q=" + q, auth);
            if (hits.isEmpty()) {
                continue;
            }
            JsonNode loans = get(http, base + "/api/v1/customers/" + hits.get(0).path("id").asText() + "/loans", auth);
            for (JsonNode loan : loans) {
                if (loan.path("externalId").asText().equals(String.format("L%07d", n))) {
                    ids.add(loan.path("id").asText());
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("No demo loans found at " + base);
        }
        return ids;
    }

    private static JsonNode get(HttpClient http, String url, String auth) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
