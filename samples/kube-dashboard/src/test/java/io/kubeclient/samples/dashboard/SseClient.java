package io.kubeclient.samples.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a server-sent event stream into a queue of events, for tests. */
final class SseClient implements AutoCloseable {

    record SseEvent(String name, String data) {}

    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    SseClient(HttpClient http, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
        this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        this.response.thenAcceptAsync((r) -> {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        this.events.add(new SseEvent(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5));
                }
            }
        });
    }

    /** Waits for the next event matching {@code match}, skipping others; fails after {@code timeout}. */
    SseEvent await(Predicate<SseEvent> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            SseEvent e = (left > 0) ? this.events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("no matching server-sent event within " + timeout);
            }
            if (match.test(e)) {
                return e;
            }
        }
    }

    @Override
    public void close() {
        this.response.thenAccept((r) -> r.body().close());
        this.response.cancel(true);
    }
}
