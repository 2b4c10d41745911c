package org.amity.messaging;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMS/push provider on 127.0.0.1 that honours the Idempotency-Key as real providers do: a key seen before
 * is answered 200 with the first result and not delivered again. It counts requests and deliveries per key, can be
 * told to fail the next requests (HTTP 503) or to answer slowly.
 */
final class ProviderStub implements AutoCloseable {

    record Request(String idempotencyKey, String authorization, String body) {
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicLong delayMillis = new AtomicLong();
    final AtomicLong total = new AtomicLong();
    private final boolean keepBodies;

    ProviderStub(boolean keepBodies) throws IOException {
        this.keepBodies = keepBodies;
        // without TCP_NODELAY the JDK server's header and body writes meet the client's delayed ACK: 40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/messages", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                total.incrementAndGet();
                if (keepBodies) {
                    requests.add(new Request(key, exchange.getRequestHeaders().getFirst("Authorization"), body));
                }
                long delay = delayMillis.get();
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                int status;
                String answer;
                if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 503;
                    answer = "{\"error\":\"try later\"}";
                } else {
                    deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    status = 200;
                    answer = "{\"id\":\"prov-" + key + "\"}";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Keys delivered (a key the provider saw again counts once: it honours the key). */
    int deliveredKeys() {
        return deliveries.size();
    }

    /** Deliveries per key as the provider would make them without honouring the key. */
    int requestsFor(String key) {
        return (int) requests.stream().filter(r -> key.equals(r.idempotencyKey())).count();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
