package io.kubeclient.watch;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;

/**
 * A {@link Watch} over a JSON watch response body, client-go's {@code StreamWatcher}: decodes
 * frames {@code {"type": ..., "object": ...}} one at a time as they arrive, with Jackson's
 * streaming parser, without buffering the body.
 *
 * <p>End of stream, a read timeout, a broken connection, or a stream cut after {@link #stop()} end
 * the iteration quietly. A frame that cannot be decoded (malformed JSON, unknown event type, an
 * object of the wrong shape, or a frame longer than the decoder's limit) produces one
 * {@link EventType#ERROR} event with an {@code InternalError} {@link Status}, as client-go does,
 * and then the iteration ends. The stream is closed when the iteration ends.
 *
 * @param <T> the type of the watched objects
 */
public final class StreamWatcher<T> implements Watch<T> {

    private static final Logger log = LoggerFactory.getLogger(StreamWatcher.class);

    private final InputStream body;
    private final FrameLimitedInputStream limited;
    private final WatchDecoder<T> decoder;
    private final AtomicBoolean iterated = new AtomicBoolean();
    private final Object readLock = new Object();

    private volatile boolean stopped;
    // Guarded by readLock: the thread blocked reading, and whether stop() interrupted it.
    private Thread reader;
    private boolean interruptedByStop;

    private JsonParser parser;
    private boolean finished;

    private StreamWatcher(InputStream body, WatchDecoder<T> decoder) {
        this.body = Objects.requireNonNull(body, "body");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.limited = new FrameLimitedInputStream(body, decoder.maxFrameBytes());
    }

    /** Watches the frames of {@code body}, a watch response body, decoded by {@code decoder}. */
    public static <T> StreamWatcher<T> open(InputStream body, WatchDecoder<T> decoder) {
        return new StreamWatcher<>(body, decoder);
    }

    @Override
    public Iterator<Event<T>> iterator() {
        if (!iterated.compareAndSet(false, true)) {
            throw new IllegalStateException("a watch can be iterated only once");
        }
        return new Iterator<>() {
            private Event<T> next;

            @Override
            public boolean hasNext() {
                if (next == null && !finished) {
                    next = readNext();
                }
                return next != null;
            }

            @Override
            public Event<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the watch has ended");
                }
                Event<T> e = next;
                next = null;
                return e;
            }
        };
    }

    @Override
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        closeQuietly();
        synchronized (readLock) {
            // Closing does not wake every stream (PipedInputStream ignores it): interrupt a blocked reader too.
            if (reader != null && reader != Thread.currentThread()) {
                interruptedByStop = true;
                reader.interrupt();
            }
        }
    }

    /** Whether {@link #stop()} has been called. */
    public boolean isStopped() {
        return stopped;
    }

    private Event<T> readNext() {
        if (stopped) {
            finish();
            return null;
        }
        synchronized (readLock) {
            reader = Thread.currentThread();
        }
        try {
            Event<T> event = readFrame();
            if (event == null) {
                finish();
            }
            return event;
        } catch (RuntimeException e) {
            return onFailure(e);
        } finally {
            synchronized (readLock) {
                reader = null;
                if (interruptedByStop) {
                    interruptedByStop = false;
                    Thread.interrupted();
                }
            }
        }
    }

    private Event<T> onFailure(RuntimeException e) {
        finish();
        if (stopped) {
            log.debug("watch stream ended after stop: {}", e.toString());
            return null;
        }
        Throwable tooLarge = find(e, FrameTooLargeException.class);
        if (tooLarge == null) {
            if (find(e, UnexpectedEndOfInputException.class) != null) {
                log.debug("watch stream ended in the middle of a frame: {}", e.getMessage());
                return null;
            }
            if (find(e, IOException.class) != null) {
                log.debug("watch stream ended: {}", e.toString());
                return null;
            }
        }
        String detail = tooLarge != null ? tooLarge.getMessage() : describe(e);
        log.debug("unable to decode an event from the watch stream: {}", detail);
        return Event.error(decodingError(detail));
    }

    private Event<T> readFrame() {
        if (parser == null) {
            parser = decoder.mapper().createParser(limited);
        }
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new WatchDecodingException("expected a watch event object but found " + token);
        }
        EventType type = null;
        T object = null;
        Status status = null;
        JsonNode pending = null;
        boolean sawObject = false;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            String name = parser.currentName();
            token = parser.nextToken();
            if ("type".equals(name)) {
                if (token != JsonToken.VALUE_STRING) {
                    throw new WatchDecodingException("watch event type must be a string, found " + token);
                }
                String wire = parser.getString();
                type = EventType.fromWire(wire);
                if (type == null) {
                    throw new WatchDecodingException("got invalid watch event type: " + wire);
                }
            } else if ("object".equals(name)) {
                if (token != JsonToken.START_OBJECT) {
                    throw new WatchDecodingException("watch event object must be a JSON object, found " + token);
                }
                sawObject = true;
                if (type == EventType.ERROR) {
                    status = decoder.decodeStatus(parser);
                } else if (type != null) {
                    object = decoder.decodeObject(parser);
                } else {
                    pending = decoder.readTree(parser);
                }
            } else {
                parser.skipChildren();
            }
        }
        limited.startFrame(parser.currentLocation().getByteOffset());
        if (type == null) {
            throw new WatchDecodingException("watch event has no type");
        }
        if (!sawObject) {
            throw new WatchDecodingException("watch event " + type + " has no object");
        }
        if (pending != null) {
            if (type == EventType.ERROR) {
                status = decoder.decodeStatus(pending);
            } else {
                object = decoder.decodeTree(pending);
            }
        }
        return type == EventType.ERROR ? Event.error(status) : Event.of(type, object);
    }

    private void finish() {
        finished = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            body.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing the watch stream failed: {}", e.toString());
        }
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** The status client-go reports for an undecodable watch stream. */
    static Status decodingError(String detail) {
        String serverMessage = "unable to decode an event from the watch stream: " + detail;
        Status status = new Status();
        status.setApiVersion("v1");
        status.setKind("Status");
        status.setStatus("Failure");
        status.setCode(500);
        status.setReason("InternalError");
        status.setMessage("an error on the server (\"" + serverMessage
                + "\") has prevented the request from succeeding");
        StatusDetails details = new StatusDetails();
        details.setCauses(List.of(cause("UnexpectedServerResponse", serverMessage),
                cause("ClientWatchDecoding", serverMessage)));
        status.setDetails(details);
        return status;
    }

    private static StatusCause cause(String reason, String message) {
        StatusCause cause = new StatusCause();
        cause.setReason(reason);
        cause.setMessage(message);
        return cause;
    }

    /** A frame that is well-formed JSON but not a watch event. */
    static final class WatchDecodingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WatchDecodingException(String message) {
            super(message);
        }
    }
}
