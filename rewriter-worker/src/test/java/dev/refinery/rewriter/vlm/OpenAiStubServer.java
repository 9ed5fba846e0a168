package dev.refinery.rewriter.vlm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OpenAI chat-completions server: {@code POST /v1/chat/completions} checks the request shape like a real
 * server would (400 for a bad body, 401 for a wrong key, 404 for an unknown model), records valid requests, and answers
 * with scripted {@link StubReply replies} in the real {@code chat.completion} shape, then with the fallback reply.
 */
public final class OpenAiStubServer implements AutoCloseable {
    /** A valid request that reached the script: its {@code Authorization} header and JSON body. */
    record Recorded(String authorization, JsonNode body) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String model;
    private final String apiKey;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<StubReply> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger peakActive = new AtomicInteger();
    private volatile StubReply fallback = StubReply.good();

    /** A server for {@code model}; {@code apiKey} null accepts any or no key. */
    public OpenAiStubServer(String model, String apiKey) throws IOException {
        this.model = model;
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Replies for the next requests, in order; after them the fallback. */
    public void enqueue(StubReply... replies) {
        script.addAll(List.of(replies));
    }

    /** The reply once the script is used up (a good answer unless changed). */
    public void always(StubReply reply) {
        fallback = reply;
    }

    /** Benchmark mode: every request answers well after {@code millis}. */
    public void fixedLatency(long millis) {
        always(StubReply.good().delayed(millis));
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** The most requests the server has handled at once. */
    public int peakConcurrent() {
        return peakActive.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        peakActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        boolean counted = true;
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            StubReply reply = StubRequestCheck.problem(exchange, auth, body, model, apiKey);
            if (reply == null) {
                requests.add(new Recorded(auth, MAPPER.readTree(body)));
                StubReply next = script.poll();
                reply = next != null ? next : fallback;
            }
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            // stop counting before the answer leaves: the client may send its next request as soon as it has it
            active.decrementAndGet();
            counted = false;
            String text = reply.rawBody() != null ? reply.rawBody() : completion(reply.content());
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection
        } finally {
            if (counted) {
                active.decrementAndGet();
            }
        }
    }

    private String completion(String content) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", "chatcmpl-" + requests.size());
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        int completionTokens = content == null ? 0 : content.length() / 4;
        usage.put("prompt_tokens", 812).put("completion_tokens", completionTokens);
        usage.put("total_tokens", 812 + completionTokens);
        return MAPPER.writeValueAsString(root);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
