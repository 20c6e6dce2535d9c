package io.kubeclient.rest;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ready-made {@link WarningHandler}s and the process-wide default, as client-go's
 * {@code WarningLogger}, {@code NoWarnings} and {@code SetDefaultWarningHandler}.
 */
public final class WarningHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(WarningHandlers.class);

    /** Distinct warnings remembered by the deduplicating logger before it stops remembering new ones. */
    static final int MAX_REMEMBERED = 4096;

    private static final WarningHandler LOGGING = new DeduplicatingLogger(text -> LOG.warn("Warning: {}", text));
    private static final WarningHandler NONE = (code, agent, text) -> {};

    private static volatile WarningHandler defaultHandler = LOGGING;

    private WarningHandlers() {}

    /**
     * Logs each distinct code-299 warning once per process at WARN ({@code Warning: <text>}); the
     * initial default. Other codes and empty texts are ignored, as client-go does.
     */
    public static WarningHandler logging() {
        return LOGGING;
    }

    /** Discards every warning. */
    public static WarningHandler none() {
        return NONE;
    }

    /** The handler used when neither the request nor the client's config names one. */
    public static WarningHandler getDefault() {
        return defaultHandler;
    }

    /** Replaces the process-wide default; {@code null} restores {@link #logging()}. */
    public static void setDefault(WarningHandler handler) {
        defaultHandler = handler == null ? LOGGING : handler;
    }

    /** Logs each distinct text once; the memory is bounded so a chatty server cannot exhaust it. */
    static final class DeduplicatingLogger implements WarningHandler {
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Consumer<String> sink;

        DeduplicatingLogger(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public void handleWarning(int code, String agent, String text) {
            Objects.requireNonNull(text, "text");
            if (code != 299 || text.isEmpty()) {
                return;
            }
            if (seen.contains(text)) {
                return;
            }
            if (seen.size() < MAX_REMEMBERED && !seen.add(text)) {
                return;
            }
            sink.accept(text);
        }
    }
}
