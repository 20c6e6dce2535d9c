package io.kubeclient.watch;

import io.fabric8.kubernetes.api.model.Status;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * How to turn the frames of a JSON watch stream into {@link Event}s: the type of the objects (or a
 * function choosing it per object) and the largest frame accepted. Immutable and reusable for any
 * number of watches.
 *
 * @param <T> the type of the watched objects
 */
public final class WatchDecoder<T> {

    /** The largest frame accepted by default, 16 MiB, as client-go's streaming decoder. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private final ObjectMapper mapper;
    private final ObjectReader objectReader;
    private final Function<? super JsonNode, ? extends T> treeDecoder;
    private final ObjectReader statusReader;
    private final ObjectReader treeReader;
    private final int maxFrameBytes;

    private WatchDecoder(ObjectMapper mapper, ObjectReader objectReader,
            Function<? super JsonNode, ? extends T> treeDecoder, int maxFrameBytes) {
        this.mapper = mapper;
        this.objectReader = objectReader == null ? null : lenient(objectReader);
        this.treeDecoder = treeDecoder;
        this.statusReader = lenient(mapper.readerFor(Status.class));
        this.treeReader = lenient(mapper.readerFor(JsonNode.class));
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Decodes every object straight from the stream into {@code type}, without an intermediate tree.
     * The mapper should not fail on unknown properties.
     */
    public static <T> WatchDecoder<T> of(ObjectMapper mapper, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new WatchDecoder<>(Objects.requireNonNull(mapper, "mapper"), mapper.readerFor(type), null,
                DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * Reads each object as a tree and lets {@code decoder} turn it into a {@code T}, for example by
     * its {@code apiVersion} and {@code kind}. {@code ERROR} objects are decoded as a {@link Status}
     * and never reach the function.
     */
    public static <T> WatchDecoder<T> ofTree(ObjectMapper mapper, Function<? super JsonNode, ? extends T> decoder) {
        return new WatchDecoder<>(Objects.requireNonNull(mapper, "mapper"), null,
                Objects.requireNonNull(decoder, "decoder"), DEFAULT_MAX_FRAME_BYTES);
    }

    /** This decoder with another frame limit in bytes. */
    public WatchDecoder<T> withMaxFrameBytes(int maxFrameBytes) {
        if (maxFrameBytes < 2) {
            throw new IllegalArgumentException("the frame limit must be at least 2 bytes, got " + maxFrameBytes);
        }
        return new WatchDecoder<>(mapper, objectReader, treeDecoder, maxFrameBytes);
    }

    /** The largest frame accepted, in bytes. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    // Each object is read from the middle of a stream: the tokens after it belong to the frame.
    private static ObjectReader lenient(ObjectReader reader) {
        return reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    JsonNode readTree(JsonParser parser) {
        return treeReader.readValue(parser);
    }

    /** Decodes the value at the parser's current token ({@code START_OBJECT}) as a watched object. */
    T decodeObject(JsonParser parser) {
        if (objectReader != null) {
            return objectReader.readValue(parser);
        }
        return decodeTree(readTree(parser));
    }

    T decodeTree(JsonNode node) {
        if (objectReader != null) {
            return objectReader.readValue(node);
        }
        T value = treeDecoder.apply(node);
        if (value == null) {
            throw new IllegalArgumentException("the object decoder returned null for "
                    + node.path("apiVersion").asString("") + " " + node.path("kind").asString(""));
        }
        return value;
    }

    Status decodeStatus(JsonParser parser) {
        return statusReader.readValue(parser);
    }

    Status decodeStatus(JsonNode node) {
        return statusReader.readValue(node);
    }
}
