package io.kubeclient.testing;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * One open watch: what it watches and an unbounded queue of what it must still send, filled under the
 * storage lock (so it sees events in resource-version order and never loses one) and drained by the HTTP
 * thread serving the stream.
 */
final class Watch {

    /** A BOOKMARK to send at {@code rv}. */
    record Bookmark(long rv, boolean initialEventsEnd) {
    }

    /** A 410 Expired ERROR event, after which the watch ends. */
    record Expired(String message) {
    }

    /** Ends the stream cleanly ({@code abrupt=false}) or by dropping the connection. */
    record Stop(boolean abrupt) {
    }

    final ResourceType type;
    final String namespace;
    final Selectors.SelectorMatcher matcher;
    final boolean bookmarks;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    Watch(ResourceType type, String namespace, Selectors.SelectorMatcher matcher, boolean bookmarks) {
        this.type = type;
        this.namespace = namespace;
        this.matcher = matcher;
        this.bookmarks = bookmarks;
    }

    boolean wants(Event e) {
        return e.resource().equals(type.groupResource())
                && (namespace == null || !type.namespaced() || e.key().startsWith(namespace + "/"));
    }

    void offer(Object item) {
        queue.add(item);
    }

    Object poll(long timeoutNanos) throws InterruptedException {
        return queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    Object pollNow() {
        return queue.poll();
    }

    /**
     * The event type this watch reports for {@code e} after selector filtering, or {@code null} to skip it:
     * an object that starts matching is ADDED, one that stops matching is DELETED.
     */
    String filter(Event e) {
        if (matcher == Selectors.SelectorMatcher.ALL) {
            return e.type();
        }
        ObjectNode now = e.object();
        switch (e.type()) {
            case "ADDED":
                return matcher.test(now) ? "ADDED" : null;
            case "DELETED":
                return matcher.test(now) ? "DELETED" : null;
            default:
                boolean before = e.previous() != null && matcher.test(e.previous());
                boolean after = matcher.test(now);
                if (before && after) {
                    return "MODIFIED";
                }
                if (after) {
                    return "ADDED";
                }
                return before ? "DELETED" : null;
        }
    }
}
