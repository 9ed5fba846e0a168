package dev.refinery.ingest.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 (random port) whose routes count the requests they get. */
final class TestServer implements AutoCloseable {

    /** Answers one request; may throw anything (the connection is then closed). */
    @FunctionalInterface
    interface Route {
        void answer(HttpExchange exchange, int hit) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code path} (and, as the JDK server does, paths below it that have no route of their own). */
    TestServer route(String path, Route route) {
        AtomicInteger counter = hits.computeIfAbsent(path, p -> new AtomicInteger());
        server.createContext(path, exchange -> {
            try (exchange) {
                route.answer(exchange, counter.incrementAndGet());
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        return this;
    }

    URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int hits(String path) {
        AtomicInteger counter = hits.get(path);
        return counter == null ? 0 : counter.get();
    }

    static void send(HttpExchange exchange, int status, byte[] body, String... headerPairs) throws IOException {
        for (int i = 0; i < headerPairs.length; i += 2) {
            exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        send(exchange, status, new byte[0], "Location", location);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
