package io.kubeclient.samples.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sends server-sent events to every connected page, in order, from one thread, so that a slow
 * browser never holds up the watches. Each new subscriber first gets a snapshot, then every later
 * event; a comment every 15 seconds keeps proxies from closing idle streams and finds dead clients.
 */
final class EventBroadcaster implements AutoCloseable {

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor((r) -> {
        Thread t = new Thread(r, "sse-sender");
        t.setDaemon(true);
        return t;
    });

    EventBroadcaster() {
        this.sender.scheduleWithFixedDelay(() -> sendAll(SseEmitter.event().comment("keep-alive")), 15, 15,
                TimeUnit.SECONDS);
    }

    /**
     * Adds a subscriber: it gets {@code snapshot} as a {@code snapshot} event, then everything
     * published after this call. Call under the lock that orders {@link #publish} calls.
     */
    void subscribe(SseEmitter emitter, Object snapshot) {
        emitter.onCompletion(() -> this.emitters.remove(emitter));
        emitter.onTimeout(() -> this.emitters.remove(emitter));
        emitter.onError((e) -> this.emitters.remove(emitter));
        this.sender.execute(() -> {
            if (send(emitter, SseEmitter.event().name("snapshot").data(snapshot))) {
                this.emitters.add(emitter);
            }
        });
    }

    /** Sends an event named {@code name} to every subscriber. */
    void publish(String name, Object data) {
        this.sender.execute(() -> sendAll(SseEmitter.event().name(name).data(data)));
    }

    int subscribers() {
        return this.emitters.size();
    }

    private void sendAll(SseEmitter.SseEventBuilder event) {
        for (SseEmitter emitter : this.emitters) {
            if (!send(emitter, event)) {
                this.emitters.remove(emitter);
            }
        }
    }

    private static boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            // The browser went away (or the request timed out); EventSource reconnects by itself.
            emitter.completeWithError(e);
            return false;
        }
    }

    @Override
    public void close() {
        this.sender.shutdownNow();
        this.emitters.forEach(SseEmitter::complete);
        this.emitters.clear();
    }
}
