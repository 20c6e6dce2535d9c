package io.kubeclient.rest;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Status;
import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.errors.StatusException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;

/**
 * The outcome of {@link Request#execute()}: the whole body, the status code, the warnings, and the
 * error when the server refused the request. The Java form of client-go's {@code rest.Result}.
 *
 * <p>Decoding methods throw {@link #error()} when there is one, so
 * {@code request.execute().into(Pod.class)} either returns the object or throws the server's
 * {@code Status}.
 */
public final class Result {

    private final byte[] body;
    private final int statusCode;
    private final String contentType;
    private final List<WarningHeader> warnings;
    private final KubeException error;
    /** Names what answered in error messages, built only for one. */
    private final Supplier<String> source;

    Result(byte[] body, int statusCode, String contentType, List<WarningHeader> warnings, KubeException error) {
        this(body, statusCode, contentType, warnings, error, () -> "the request");
    }

    /**
     * @param source what answered, such as {@code GET https://host/api/v1/pods}, for error messages;
     *     called only for one
     */
    Result(byte[] body, int statusCode, String contentType, List<WarningHeader> warnings, KubeException error,
            Supplier<String> source) {
        this.source = source;
        this.body = body;
        this.statusCode = statusCode;
        this.contentType = contentType;
        this.warnings = warnings;
        this.error = error;
    }

    /**
     * Decodes the body into {@code type}.
     *
     * @throws KubeException the {@link #error()} if any; an error when the body is empty (such as a
     *     204), is not JSON, cannot be decoded, or is a failure {@code Status} instead of the object
     */
    public <T> T into(Class<T> type) {
        checkDecodable();
        if (type == Table.class) {
            String kind = topLevelKind();
            if (!"Table".equals(kind)) {
                throwIfFailureStatus(kind);
                throw new KubeException("the server did not return a Table but " + (kind == null ? "an object without kind" : kind)
                        + "; it may not support server-side printing for this resource");
            }
            return decode(KubeJson.readerFor(type), type.getSimpleName());
        }
        String expected = expectedKind(type);
        // A model class with a kind reads the top-level kind anyway, and only a body whose kind is
        // Status can be one; for other types the byte scan rules most bodies out before any parse.
        boolean statusPossible = type != Status.class && (expected != null || mayBeStatus(body));
        String kind = expected != null || statusPossible ? topLevelKind() : null;
        if (statusPossible) {
            throwIfFailureStatus(kind);
        }
        if (expected != null) {
            checkKind(expected, kind, source);
        }
        return decode(KubeJson.readerFor(type), type.getSimpleName());
    }

    /**
     * The {@code kind} a typed fabric8 model class decodes, or {@code null} when any kind will do
     * (generic resources, maps, interfaces).
     */
    static String expectedKind(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())
                || type == GenericKubernetesResource.class || type == GenericKubernetesResourceList.class) {
            return null;
        }
        if (HasMetadata.class.isAssignableFrom(type)) {
            return HasMetadata.getKind(type);
        }
        if (KubernetesResourceList.class.isAssignableFrom(type)) {
            return type.getSimpleName();
        }
        return null;
    }

    /**
     * Refuses an object of another kind than the model class asked for, as client-go's decoder does.
     * {@code source} names the request, asked only for the error.
     */
    static void checkKind(String expected, String actual, Supplier<String> source) {
        if (actual != null && !actual.isEmpty() && !actual.equals(expected)) {
            throw new KubeException("the response to " + source.get() + " is a " + actual + ", not the " + expected
                    + " that was asked for");
        }
    }

    /** Decodes the body into a generic type such as {@code Map<String, Object>}; see {@link #into(Class)}. */
    public <T> T into(TypeReference<T> type) {
        checkDecodable();
        if (mayBeStatus(body)) {
            throwIfFailureStatus(topLevelKind());
        }
        return decode(KubeJson.readerFor(type), type.getType().getTypeName());
    }

    /**
     * Decodes the body into the fabric8 model its {@code apiVersion} and {@code kind} name, through
     * fabric8's resource registry ({@code KubernetesResource}'s deserializer); kinds it does not
     * know become {@code GenericKubernetesResource}.
     */
    public KubernetesResource get() {
        checkDecodable();
        if (mayBeStatus(body)) {
            throwIfFailureStatus(topLevelKind());
        }
        return decode(KubeJson.readerFor(KubernetesResource.class), "a Kubernetes object");
    }

    /** The body as received, possibly empty; never {@code null}. A copy. */
    public byte[] raw() {
        return body.clone();
    }

    /** The HTTP status code of the final attempt. */
    public int statusCode() {
        return statusCode;
    }

    /** The response's {@code Content-Type}, or the request's when the server sent none. */
    public String contentType() {
        return contentType;
    }

    /** Whether the server answered 201 Created. */
    public boolean wasCreated() {
        return statusCode == 201;
    }

    /** Every warning the server sent, whatever its code. */
    public List<WarningHeader> warnings() {
        return warnings;
    }

    /**
     * The error, or {@code null} on success: the server's {@code Status} when the body of a non-2xx
     * response is one with status {@code Failure}, otherwise client-go's generic status for the code.
     */
    public KubeException error() {
        return error;
    }

    private void checkDecodable() {
        if (error != null) {
            throw error;
        }
        if (!isJson(contentType)) {
            throw new KubeException("serializer for " + contentType + " doesn't exist (response to " + source.get() + ")");
        }
        if (body.length == 0) {
            throw new KubeException("0-length response with status code: " + statusCode
                    + " and content type: " + contentType + " (response to " + source.get() + ")");
        }
    }

    private <T> T decode(ObjectReader reader, String target) {
        try {
            return reader.readValue(body);
        } catch (JacksonException e) {
            throw new KubeException("unable to decode the response to " + source.get() + " (status " + statusCode
                    + ") into " + target + ": " + e.getOriginalMessage(), e);
        }
    }

    private void throwIfFailureStatus(String kind) {
        if (!"Status".equals(kind)) {
            return;
        }
        Status status = decode(KubeJson.readerFor(Status.class), "Status");
        if (!"Success".equals(status.getStatus())) {
            throw new StatusException(status);
        }
    }

    /** The top-level {@code kind}, read without decoding the rest when it comes first (as servers send it). */
    private String topLevelKind() {
        return topLevelKind(body);
    }

    /**
     * Whether the body might be a {@code Status}: false only when the bytes contain neither
     * {@code Status} nor a backslash-u escape, which spares the common response a second parse.
     */
    static boolean mayBeStatus(byte[] json) {
        byte[] word = {'S', 't', 'a', 't', 'u', 's'};
        outer:
        for (int i = 0; i + 1 < json.length; i++) {
            if (json[i] == '\\' && json[i + 1] == 'u') {
                return true;
            }
            if (json[i] == 'S' && i + word.length <= json.length) {
                for (int k = 1; k < word.length; k++) {
                    if (json[i + k] != word[k]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static String topLevelKind(byte[] json) {
        String quick = leadingKind(json);
        if (quick == NO_KIND) {
            return null;
        }
        return quick != null ? quick : parsedKind(json);
    }

    /** {@link #leadingKind}'s answer for an object that ends before any {@code kind}. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String NO_KIND = new String("no kind");

    /** Bytes of {@code "kind"}. */
    private static final byte[] KIND = {'k', 'i', 'n', 'd'};

    /**
     * The kind found by a byte scan of the leading properties when they are all plain strings (as
     * servers send them, {@code kind} first): printable ASCII without escapes, so the answer is the
     * parser's. Returns the kind, {@link #NO_KIND} for an object that ends before any {@code kind}, or
     * {@code null} when anything else shows up and the parser must decide.
     */
    static String leadingKind(byte[] json) {
        int i = skipWhitespace(json, 0);
        if (i >= json.length || json[i] != '{') {
            return null;
        }
        for (int property = 0; property < 4; property++) {
            i = skipWhitespace(json, i + 1);
            if (property == 0 && i < json.length && json[i] == '}') {
                return NO_KIND;
            }
            int nameEnd = plainStringEnd(json, i);
            if (nameEnd < 0) {
                return null;
            }
            boolean isKind = nameEnd - i - 1 == KIND.length
                    && Arrays.equals(json, i + 1, nameEnd, KIND, 0, KIND.length);
            i = skipWhitespace(json, nameEnd + 1);
            if (i >= json.length || json[i] != ':') {
                return null;
            }
            i = skipWhitespace(json, i + 1);
            int valueEnd = plainStringEnd(json, i);
            if (valueEnd < 0) {
                return null;
            }
            if (isKind) {
                return new String(json, i + 1, valueEnd - i - 1, StandardCharsets.US_ASCII);
            }
            i = skipWhitespace(json, valueEnd + 1);
            if (i >= json.length) {
                return null;
            }
            if (json[i] == '}') {
                return NO_KIND;
            }
            if (json[i] != ',') {
                return null;
            }
        }
        return null;
    }

    private static int skipWhitespace(byte[] json, int i) {
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index of the closing quote of a string of printable ASCII without escapes at {@code i}, else -1. */
    private static int plainStringEnd(byte[] json, int i) {
        if (i >= json.length || json[i] != '"') {
            return -1;
        }
        for (int j = i + 1; j < json.length; j++) {
            byte b = json[j];
            if (b == '"') {
                return j;
            }
            if (b < 0x20 || b > 0x7e || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    static String parsedKind(byte[] json) {
        try (JsonParser p = KubeJson.mapper().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("kind")) {
                    return value == JsonToken.VALUE_STRING ? p.getString() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    static boolean isJson(String contentType) {
        // The media type before any ';', trimmed, is application/json in any case; checked in place.
        int end = contentType.indexOf(';');
        if (end < 0) {
            end = contentType.length();
        }
        int start = 0;
        while (start < end && contentType.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && contentType.charAt(end - 1) <= ' ') {
            end--;
        }
        if (end - start != JSON_MEDIA.length()) {
            return false;
        }
        for (int i = 0; i < JSON_MEDIA.length(); i++) {
            char c = contentType.charAt(start + i);
            // Only an ASCII letter lower-cases to one of application/json's letters (U+212A, the
            // Kelvin sign, lower-cases to 'k', which it does not contain).
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != JSON_MEDIA.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final String JSON_MEDIA = "application/json";

    /** The server's own {@code Status} error when {@code body} is one with status {@code Failure}; else {@code null}. */
    static KubeException failureStatus(byte[] body) {
        if (body.length == 0 || !"Status".equals(topLevelKind(body))) {
            return null;
        }
        try {
            Status status = KubeJson.readerFor(Status.class).readValue(body);
            return "Failure".equals(status.getStatus()) ? new StatusException(status) : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
