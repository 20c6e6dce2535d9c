package io.kubeclient.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A tiny JDK HttpClient wrapper for talking to the fake in tests. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int code, JsonNode body, HttpHeaders headers, String text) {
        String message() {
            return body.path("message").asString("");
        }

        String reason() {
            return body.path("reason").asString("");
        }
    }

    private final HttpClient client;
    private final URI base;

    Http(FakeApiServer server) {
        this(server, HttpClient.newHttpClient());
    }

    Http(FakeApiServer server, HttpClient client) {
        this.client = client;
        this.base = server.url();
    }

    static ObjectNode json(String text) {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET().build());
    }

    Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))).build());
    }

    Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body))).build());
    }

    Response patch(String path, String contentType, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(text(body))).build());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE().build());
    }

    Response delete(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(text(body))).build());
    }

    private static String text(Object body) {
        return body instanceof String s ? s.replace('\'', '"') : JSON.writeValueAsString(body);
    }

    Response send(HttpRequest req) {
        try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (RuntimeException e) {
                body = JSON.createObjectNode();
            }
            return new Response(r.statusCode(), body, r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An open watch: frames arrive on a queue filled by a reader thread. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final int code;
        volatile boolean ended;
        volatile Throwable failure;
        private final java.util.stream.Stream<String> lines;
        private final Thread reader;

        Stream(String path) {
            try {
                HttpResponse<java.util.stream.Stream<String>> r = client.send(
                        HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofLines());
                code = r.statusCode();
                lines = r.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reader = new Thread(() -> {
                try {
                    Iterator<String> it = lines.iterator();
                    while (it.hasNext()) {
                        String line = it.next();
                        if (!line.isBlank()) {
                            frames.add(JSON.readTree(line));
                        }
                    }
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    ended = true;
                    frames.add(JSON.createObjectNode().put("type", "EOF"));
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The next frame, failing the test after 10 s. */
        JsonNode next() {
            try {
                JsonNode n = frames.poll(10, TimeUnit.SECONDS);
                if (n == null) {
                    throw new AssertionError("no watch event within 10 s");
                }
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The next frame that is not a BOOKMARK. */
        JsonNode nextNonBookmark() {
            JsonNode n = next();
            while (n.path("type").asString().equals("BOOKMARK")) {
                n = next();
            }
            return n;
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    Stream watch(String path) {
        return new Stream(path);
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

}
