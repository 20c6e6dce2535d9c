package io.kubeclient.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson 3 {@link JsonMapper} every kube-client component shares, configured for
 * Kubernetes JSON and fabric8 models.
 *
 * <p>Unknown properties are ignored (servers add fields before clients learn them), {@code null}
 * values are left out when writing, and readers are cached per target type so the hot path does
 * not look serializers up again.
 */
public final class KubeJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private static final ConcurrentMap<Type, ObjectReader> READERS = new ConcurrentHashMap<>();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private KubeJson() {}

    /** The shared mapper. Do not reconfigure it; derive readers and writers from it instead. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A cached reader for {@code type}. */
    public static ObjectReader readerFor(Class<?> type) {
        Objects.requireNonNull(type, "type");
        return READERS.computeIfAbsent(type, t -> MAPPER.readerFor(type));
    }

    /** A cached reader for a generic type such as {@code List<Pod>}. */
    public static ObjectReader readerFor(TypeReference<?> type) {
        Objects.requireNonNull(type, "type");
        return READERS.computeIfAbsent(type.getType(), t -> {
            JavaType javaType = MAPPER.getTypeFactory().constructType(t);
            return MAPPER.readerFor(javaType);
        });
    }

    /** The shared writer. */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /** Encodes {@code value} as JSON bytes. */
    public static byte[] toBytes(Object value) {
        return WRITER.writeValueAsBytes(value);
    }
}
