package io.kubeclient.rest;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeclient.KubeException;
import io.kubeclient.KubeIOException;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.meta.DeleteOptions;
import io.kubeclient.apimachinery.meta.QueryParameterEncodable;
import io.kubeclient.apimachinery.schema.GroupResource;
import io.kubeclient.flowcontrol.BackoffManager;
import io.kubeclient.flowcontrol.DeadlineTimer;
import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.flowcontrol.RateLimiterTimeoutException;
import io.kubeclient.transport.ResponseBodyTimeoutException;
import io.kubeclient.transport.TransportRequest;
import io.kubeclient.transport.TransportResponse;
import io.kubeclient.watch.StreamWatcher;
import io.kubeclient.watch.Watch;
import io.kubeclient.watch.WatchDecoder;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * One HTTP call to the API server, built fluently: the Java form of client-go's {@code rest.Request}.
 *
 * <p>Builder methods never throw: the first problem (an invalid name, a namespace set twice, an
 * unreadable body file) is recorded and reported by {@link #execute()}, {@link #executeRaw()} or
 * {@link #stream()} before anything is sent; later builder calls are then ignored. A request is not
 * thread safe; build and execute it on one thread.
 *
 * <p>Retries follow client-go: up to {@link #maxRetries(int) 10} more attempts for 429 and 5xx
 * responses that carry an integer {@code Retry-After} (honoured), and for GET requests whose
 * connection was reset or closed before the response arrived. A streaming body is never retried;
 * every retry waits for the rate limiter again.
 */
public final class Request {

    private static final Logger LOG = LoggerFactory.getLogger(Request.class);

    /** client-go's {@code maxUnstructuredResponseTextBytes}. */
    static final int MAX_UNSTRUCTURED_TEXT = 2048;
    static final int TRACE_BODY_LIMIT = 1024;
    static final int DEFAULT_MAX_RETRIES = 10;
    /** How much of a body {@link #execute(Class)} reads ahead for its kind; smaller bodies are simply buffered. */
    static final int STREAM_DECODE_LOOKAHEAD = 8192;

    private final RESTClient client;
    private final String verb;

    private String pathPrefix;
    /** {@link #pathPrefix} escaped for the URL; {@code null} once {@link #prefix} or {@link #absPath} changed it. */
    private String escapedPathPrefix;
    private String subpath = "";
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private boolean namespaceSet;
    private String namespace = "";
    private String resource = "";
    private String resourceName = "";
    private String subresource = "";

    private Duration timeout;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private RateLimiter rateLimiter;
    private BackoffManager backoff;
    private WarningHandler warningHandler;
    private TransportRequest.Body body;

    private KubeException err;

    Request(RESTClient client, String verb) {
        this.client = client;
        this.verb = Objects.requireNonNull(verb, "verb").toUpperCase(Locale.ROOT);
        this.pathPrefix = client.pathPrefix();
        this.escapedPathPrefix = client.escapedPathPrefix();
        this.timeout = client.timeout();
        this.rateLimiter = client.rateLimiter();
        this.backoff = client.backoffs.get();
        this.warningHandler = client.warningHandler();
        this.maxRetries = client.maxRetries();
        headers.put("Accept", List.of(client.accept()));
    }

    // ---------------------------------------------------------------------------------------
    // Building

    /** The HTTP verb, upper case. */
    public String verb() {
        return verb;
    }

    /** Appends segments to the path prefix (the client's API path); not validated. */
    public Request prefix(String... segments) {
        if (err == null) {
            pathPrefix = UrlParts.join(pathPrefix, UrlParts.join(segments));
            escapedPathPrefix = null;
        }
        return this;
    }

    /** Appends segments after the resource, name and subresource; not validated. */
    public Request suffix(String... segments) {
        if (err == null) {
            subpath = UrlParts.join(subpath, UrlParts.join(segments));
        }
        return this;
    }

    /**
     * Replaces the path prefix with the server's base path joined with {@code segments}, ignoring
     * the client's API path. A single segment's trailing {@code /} is kept.
     */
    public Request absPath(String... segments) {
        if (err != null) {
            return this;
        }
        String basePath = client.base().getRawPath();
        pathPrefix = UrlParts.join(basePath, UrlParts.join(segments));
        if (segments.length == 1 && (basePath.length() > 1 || segments[0].length() > 1)
                && segments[0].endsWith("/")) {
            pathPrefix = pathPrefix + "/";
        }
        escapedPathPrefix = null;
        return this;
    }

    /** Sets the namespace; an empty one marks the request namespaced without adding a path segment. */
    public Request namespace(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (err != null) {
            return this;
        }
        if (namespaceSet) {
            return fail("namespace already set to " + UrlParts.goQuote(this.namespace)
                    + ", cannot change to " + UrlParts.goQuote(namespace));
        }
        List<String> problems = UrlParts.pathSegmentErrors(namespace);
        if (!problems.isEmpty()) {
            return fail("invalid namespace " + UrlParts.goQuote(namespace) + ": " + goList(problems));
        }
        namespaceSet = true;
        this.namespace = namespace;
        return this;
    }

    /** Sets the namespace only when {@code scoped} is true, as generated clients do for cluster-scoped kinds. */
    public Request namespaceIfScoped(String namespace, boolean scoped) {
        return scoped ? namespace(namespace) : this;
    }

    /** Sets the resource, such as {@code pods}; lower-cased in the URL. Empty is ignored. */
    public Request resource(String resource) {
        Objects.requireNonNull(resource, "resource");
        if (err != null) {
            return this;
        }
        if (!this.resource.isEmpty()) {
            return fail("resource already set to " + UrlParts.goQuote(this.resource)
                    + ", cannot change to " + UrlParts.goQuote(resource));
        }
        List<String> problems = UrlParts.pathSegmentErrors(resource);
        if (!problems.isEmpty()) {
            return fail("invalid resource " + UrlParts.goQuote(resource) + ": " + goList(problems));
        }
        this.resource = resource;
        return this;
    }

    /** Sets the object name. */
    public Request name(String name) {
        Objects.requireNonNull(name, "name");
        if (err != null) {
            return this;
        }
        if (name.isEmpty()) {
            return fail("resource name may not be empty");
        }
        if (!resourceName.isEmpty()) {
            return fail("resource name already set to " + UrlParts.goQuote(resourceName)
                    + ", cannot change to " + UrlParts.goQuote(name));
        }
        List<String> problems = UrlParts.pathSegmentErrors(name);
        if (!problems.isEmpty()) {
            return fail("invalid resource name " + UrlParts.goQuote(name) + ": " + goList(problems));
        }
        resourceName = name;
        return this;
    }

    /** Sets the subresource, such as {@code status} or {@code log}; segments are joined with {@code /}. */
    public Request subResource(String... subresources) {
        if (err != null) {
            return this;
        }
        String joined = UrlParts.join(subresources);
        if (!subresource.isEmpty()) {
            return fail("subresource already set to " + UrlParts.goQuote(subresource)
                    + ", cannot change to " + UrlParts.goQuote(joined));
        }
        for (String s : subresources) {
            List<String> problems = UrlParts.pathSegmentErrors(s);
            if (!problems.isEmpty()) {
                return fail("invalid subresource " + UrlParts.goQuote(s) + ": " + goList(problems));
            }
        }
        subresource = joined;
        return this;
    }

    /** Adds a query parameter value; repeated names accumulate. Use {@link #timeout} for {@code timeout}. */
    public Request param(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (err != null) {
            return this;
        }
        if (name.equals("timeout")) {
            return fail("must set timeout through the corresponding function, not directly.");
        }
        params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        return this;
    }

    /**
     * Adds the fields of an options object as query parameters, as client-go's
     * {@code VersionedParams}. Our option types ({@code io.kubeclient.apimachinery.meta.ListOptions}
     * and the others) encode themselves. For any other object each JSON property becomes a parameter
     * of that name ({@code kind} and
     * {@code apiVersion} excepted), lists repeat the parameter, nested objects are flattened, and
     * {@code null} fields and empty strings are left out. Works with fabric8's
     * {@code ListOptions}, {@code GetOptions}, {@code CreateOptions}, {@code PatchOptions} and any
     * Jackson-serializable options type; {@code null} adds nothing.
     */
    public Request versionedParams(Object options) {
        if (err != null || options == null) {
            return this;
        }
        if (options instanceof QueryParameterEncodable encodable) {
            encodable.encodeTo(this::param);
            return this;
        }
        JsonNode tree;
        try {
            tree = KubeJson.mapper().valueToTree(options);
        } catch (RuntimeException e) {
            return fail("unable to encode " + options.getClass().getName() + " as query parameters: "
                    + e.getMessage(), e);
        }
        if (!tree.isObject()) {
            return fail("unable to encode " + options.getClass().getName()
                    + " as query parameters: not an object");
        }
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            String name = field.getKey();
            if (!name.equals("kind") && !name.equals("apiVersion")) {
                addQueryValues(name, field.getValue());
            }
        }
        return this;
    }

    private void addQueryValues(String name, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                addQueryValues(name, element);
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                addQueryValues(field.getKey(), field.getValue());
            }
        } else {
            String text = value.asString();
            if (!text.isEmpty()) {
                param(name, text);
            }
        }
    }

    /** Replaces every value of a header. */
    public Request setHeader(String name, String... values) {
        Objects.requireNonNull(name, "name");
        setHeaderValues(name, Arrays.asList(values));
        return this;
    }

    private void setHeaderValues(String name, List<String> values) {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        List<String> copy = new ArrayList<>(values.size());
        for (String v : values) {
            copy.add(Objects.requireNonNull(v, "header value"));
        }
        headers.put(name, copy);
    }

    /** The headers set so far (the transport adds credentials and User-Agent later). */
    Map<String, List<String>> headers() {
        return headers;
    }

    private boolean hasHeader(String name) {
        return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
    }

    /**
     * Sets the body:
     * <ul>
     *   <li>{@code byte[]}: sent as is;</li>
     *   <li>{@code String}: sent as UTF-8 text (unlike client-go, where a string names a file);</li>
     *   <li>{@link Path}: the file's bytes, read now (a read failure is recorded);</li>
     *   <li>{@link InputStream}: streamed once; such a request is never retried;</li>
     *   <li>{@code null}: no body;</li>
     *   <li>{@link DeleteOptions}: its JSON body ({@link DeleteOptions#toJson()});</li>
     *   <li>anything else: encoded as JSON with {@link KubeJson}, setting {@code Content-Type} to
     *       JSON unless one was already set (so a patch keeps its patch type).</li>
     * </ul>
     * Byte, string, file and stream bodies add no {@code Content-Type}.
     */
    public Request body(Object obj) {
        if (err != null) {
            return this;
        }
        if (obj == null) {
            body = null;
        } else if (obj instanceof byte[] bytes) {
            body = TransportRequest.Body.of(bytes);
        } else if (obj instanceof String s) {
            body = TransportRequest.Body.of(s.getBytes(StandardCharsets.UTF_8));
        } else if (obj instanceof Path file) {
            try {
                body = TransportRequest.Body.of(Files.readAllBytes(file));
            } catch (IOException e) {
                return fail("unable to read request body from file " + file + ": " + e.getMessage(), e);
            }
        } else if (obj instanceof InputStream in) {
            body = TransportRequest.Body.ofStream(() -> in, -1, false);
        } else {
            try {
                byte[] json = obj instanceof DeleteOptions options
                        ? options.toJson().getBytes(StandardCharsets.UTF_8)
                        : KubeJson.toBytes(obj);
                body = TransportRequest.Body.of(json);
            } catch (RuntimeException e) {
                return fail("unable to encode request body of type " + obj.getClass().getName()
                        + " as JSON: " + e.getMessage(), e);
            }
            if (!hasHeader("Content-Type")) {
                // The body is JSON whatever wire format the client prefers for responses.
                setHeader("Content-Type", Result.isJson(client.contentType()) ? client.contentType() : RESTClient.JSON);
            }
        }
        return this;
    }

    /**
     * The time allowed for the whole call, retries included; also sent as the {@code timeout} query
     * parameter in Go's duration format ({@code 30s}, {@code 1m30s}, {@code 500ms}). Zero or
     * {@code null} means none. Defaults to the config's timeout.
     */
    public Request timeout(Duration timeout) {
        this.timeout = timeout == null || timeout.isZero() ? null : timeout;
        return this;
    }

    /** The number of retries after the first attempt; negative means 0. Defaults to the config's (10). */
    public Request maxRetries(int maxRetries) {
        this.maxRetries = Math.max(0, maxRetries);
        return this;
    }

    /** Replaces the client's rate limiter for this request; {@code null} means not throttled. */
    public Request throttle(RateLimiter limiter) {
        this.rateLimiter = limiter;
        return this;
    }

    /**
     * Replaces the per-URL backoff for this request, whose delay is waited before every attempt;
     * {@code null} means none. By default there is none unless the environment sets
     * {@code KUBE_CLIENT_BACKOFF_BASE} and {@code KUBE_CLIENT_BACKOFF_DURATION}.
     */
    public Request backOff(BackoffManager manager) {
        this.backoff = manager == null ? BackoffManager.noBackoff() : manager;
        return this;
    }

    /** Handles this request's warnings; {@code null} returns to the client's or process default. */
    public Request warningHandler(WarningHandler handler) {
        this.warningHandler = handler == null ? client.warningHandler() : handler;
        return this;
    }

    /**
     * Asks for a server-side printed {@link Table} (falling back to plain JSON for servers or
     * resources that cannot print one), with {@code includeObject} unless it is {@code null}
     * (the server then defaults to {@link Table.IncludeObject#METADATA}).
     */
    public Request asTable(Table.IncludeObject includeObject) {
        setHeader("Accept", Table.ACCEPT);
        if (includeObject != null) {
            param("includeObject", includeObject.value());
        }
        return this;
    }

    /** {@link #asTable(Table.IncludeObject)} with the server's default for included objects. */
    public Request asTable() {
        return asTable(null);
    }

    private Request fail(String message) {
        return fail(message, null);
    }

    private Request fail(String message, Throwable cause) {
        if (err == null) {
            err = new InvalidRequestException(message, cause);
        }
        return this;
    }

    /** Go's {@code %v} of a string slice: {@code [a b]}. */
    private static String goList(List<String> items) {
        return "[" + String.join(" ", items) + "]";
    }

    /**
     * The URL this request is sent to, as client-go's {@code Request.URL()}: the path prefix joined
     * with the namespace, resource, name, subresource and suffix as Go's {@code path.Join} joins them,
     * escaped, with the sorted query.
     */
    public URI url() {
        StringBuilder sb = new StringBuilder(128).append(client.origin());
        int pathStart = sb.length();
        if (escapedPathPrefix != null) {
            sb.append(escapedPathPrefix);
        } else {
            UrlParts.appendEscaped(sb, pathPrefix, false);
        }
        int prefixEnd = sb.length();
        if (namespaceSet && !namespace.isEmpty()) {
            appendSegment(sb, "namespaces");
            appendSegment(sb, namespace);
        }
        appendSegment(sb, resource.toLowerCase(Locale.ROOT));
        appendSegment(sb, resourceName);
        appendSegment(sb, subresource);
        appendSegment(sb, subpath);
        // Go's path.Join cleans what it joined; the prefix alone keeps its trailing slash. Escaping
        // leaves '/' and '.' alone (and maps no other byte to them), so the escaped path cleans alike.
        if (sb.length() > prefixEnd && !UrlParts.isClean(sb, pathStart)) {
            String cleaned = UrlParts.clean(sb.substring(pathStart));
            sb.setLength(pathStart);
            sb.append(cleaned);
        }
        Map<String, List<String>> query = params;
        if (timeout != null) {
            query = new LinkedHashMap<>(params);
            query.put("timeout", List.of(UrlParts.goDuration(timeout)));
        }
        String encodedQuery = UrlParts.encodeQuery(query);
        if (!encodedQuery.isEmpty()) {
            sb.append('?').append(encodedQuery);
        }
        return URI.create(sb.toString());
    }

    /** Appends {@code /segment}, escaped, unless the segment is empty. */
    private static void appendSegment(StringBuilder sb, String segment) {
        if (!segment.isEmpty()) {
            sb.append('/');
            UrlParts.appendEscaped(sb, segment, false);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Execution

    /**
     * Sends the request, reads the whole response and returns it. Server errors do not throw: they
     * are in {@link Result#error()}, and {@link Result#into} throws them.
     *
     * @throws InvalidRequestException when the request was built with an error
     * @throws KubeIOException when the server could not be reached (after any retries)
     */
    public Result execute() {
        Exchange ex = send(Mode.EXECUTE);
        return ex.toResult();
    }

    /**
     * Sends the request and decodes a successful response straight from the network into
     * {@code type}, without first holding the whole body in memory: the same outcome as
     * {@code execute().into(type)} (the same errors, warnings handed to the handler) at the cost of
     * not keeping the raw bytes. Typed clients and large lists should use this form.
     *
     * @throws KubeException the server's error, or one of {@link Result#into(Class)}'s decoding errors
     * @throws KubeIOException when the server could not be reached or the body could not be read
     */
    public <T> T execute(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Exchange ex = send(Mode.EXECUTE);
        if (type == Table.class) {
            return ex.toResult().into(type);
        }
        return ex.decode(KubeJson.readerFor(type), type.getSimpleName(), type == Status.class,
                Result.expectedKind(type), result -> result.into(type));
    }

    /** {@link #execute(Class)} for a generic type such as {@code Map<String, Object>}. */
    public <T> T execute(TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        Exchange ex = send(Mode.EXECUTE);
        return ex.decode(KubeJson.readerFor(type), type.getType().getTypeName(), false, null,
                result -> result.into(type));
    }

    /**
     * Sends the request and returns the body of a successful (200-206) response; any other status
     * becomes client-go's generic status error built from the code and body (a {@code Status} body
     * is not decoded, as upstream).
     */
    public byte[] executeRaw() {
        Exchange ex = send(Mode.EXECUTE);
        byte[] bytes = ex.readBody();
        handleWarnings(ex.response);
        int code = ex.response.statusCode();
        if (code < 200 || code > 206) {
            throw ex.genericError(bytes);
        }
        return bytes;
    }

    /**
     * Sends the request and returns the live body of a 2xx response, such as a container log;
     * closing the stream ends the exchange. Connection failures are never retried.
     */
    public InputStream stream() {
        Exchange ex = send(Mode.STREAM);
        int code = ex.response.statusCode();
        if (code >= 200 && code < 300) {
            handleWarnings(ex.response);
            return closingBody(ex.response);
        }
        Result result = ex.toResult();
        KubeException error = result.error();
        if (error != null) {
            throw error;
        }
        throw new KubeException(code + " while accessing " + ex.url + ": "
                + new String(result.raw(), StandardCharsets.UTF_8));
    }

    /**
     * Starts a watch (adding {@code watch=true} unless set) and decodes its events into {@code type}.
     * Unlike other calls, the first attempt is not throttled (retries are); a connection that fails
     * with a reset, EOF or timeout is retried and, once retries are exhausted, yields an
     * already-ended watch rather than an error, as client-go does.
     *
     * @throws KubeException the server's error when it does not answer 200
     */
    public <T> Watch<T> watch(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return watch(WatchDecoder.of(KubeJson.mapper(), type));
    }

    /** {@link #watch(Class)} with a decoder of one's own, for example one choosing the type per object. */
    public <T> Watch<T> watch(WatchDecoder<T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        if (err == null && !params.containsKey("watch")) {
            params.put("watch", new ArrayList<>(List.of("true")));
        }
        Exchange ex;
        try {
            ex = send(Mode.WATCH);
        } catch (KubeIOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException && (isProbableEof(cause) || isTimeout(cause))) {
                LOG.debug("Watch {} ended before it started: {}", verb, e.getMessage());
                return Watch.empty();
            }
            throw e;
        }
        int code = ex.response.statusCode();
        if (code == 200) {
            handleWarnings(ex.response);
            return StreamWatcher.open(closingBody(ex.response), decoder);
        }
        KubeException error = ex.toResult().error();
        if (error != null) {
            throw error;
        }
        throw new KubeException("for request " + ex.url + ", got status: " + code);
    }

    /** The response body, closing the whole response when it is closed. */
    private static InputStream closingBody(TransportResponse response) {
        return new FilterInputStream(response.body()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }

    /** Counts the body timeouts armed (tests see that a body already received arms none). */
    static final class BodyTimeouts {
        static final AtomicLong ARMED = new AtomicLong();
    }

    private static void closeQuietly(TransportResponse response) {
        try {
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing only cuts the exchange short; the reader reports the failure.
        }
    }

    enum Mode {
        EXECUTE, STREAM, WATCH
    }

    /** Reads a response body, which may be {@code null}. */
    @FunctionalInterface
    private interface BodyReader<R> {
        R read(InputStream in) throws IOException;
    }

    /**
     * What {@code in.readNBytes(length + 1)} returns, without its copy when the body has the
     * declared length: read into an array of that length, then look for one more byte.
     */
    static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        int n = in.readNBytes(bytes, 0, length);
        if (n < length) {
            return Arrays.copyOf(bytes, n);
        }
        int extra = in.read();
        if (extra < 0) {
            return bytes;
        }
        byte[] longer = Arrays.copyOf(bytes, length + 1);
        longer[length] = (byte) extra;
        return longer;
    }

    /** A value decoded from the stream, told apart from a buffered {@link Result}. */
    private record Decoded(Object value) {}

    /** A response whose headers have arrived, with what is needed to interpret it. */
    final class Exchange {
        final URI url;
        final TransportResponse response;
        /** {@link System#nanoTime()} by which the body must have been read, or 0 for no limit. */
        final long deadline;

        Exchange(URI url, TransportResponse response, long deadline) {
            this.url = url;
            this.response = response;
            this.deadline = deadline;
        }

        byte[] readBody() {
            return readWithDeadline(in -> {
                byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
                if (LOG.isTraceEnabled()) {
                    LOG.trace("Response body: {}", traceBody(bytes));
                }
                return bytes;
            });
        }

        /**
         * Decodes a 2xx JSON body straight from the stream. The first bytes are read ahead to find
         * the top-level {@code kind}: a {@code Status} where another type was asked for, an object
         * whose kind is not among its first bytes, a small body, any other response and TRACE
         * logging all take the buffered path of {@link Result}, so the outcome is always the same.
         */
        <T> T decode(ObjectReader reader, String target, boolean wantsStatus, String expectedKind,
                Function<Result, T> buffered) {
            int code = response.statusCode();
            String responseType = response.header("Content-Type").orElse("");
            String contentType = responseType.isEmpty() ? client.contentType() : responseType;
            if (code < 200 || code > 206 || !Result.isJson(contentType) || LOG.isTraceEnabled()) {
                return buffered.apply(toResult());
            }
            List<WarningHeader> warnings = handleWarnings(response);
            Object outcome = readWithDeadline(in -> {
                if (in == null) {
                    return new Result(new byte[0], code, contentType, warnings, null, this::source);
                }
                // A small body of known length is read into an array of its size, not a look-ahead buffer.
                long length = contentLength(response);
                byte[] head = length >= 0 && length < STREAM_DECODE_LOOKAHEAD - 1
                        ? readDeclared(in, (int) length)
                        : in.readNBytes(STREAM_DECODE_LOOKAHEAD);
                if (head.length < STREAM_DECODE_LOOKAHEAD) {
                    return new Result(head, code, contentType, warnings, null, this::source);
                }
                String kind = Result.topLevelKind(head);
                if (kind == null || (kind.equals("Status") && !wantsStatus)) {
                    byte[] rest = in.readAllBytes();
                    byte[] all = Arrays.copyOf(head, head.length + rest.length);
                    System.arraycopy(rest, 0, all, head.length, rest.length);
                    return new Result(all, code, contentType, warnings, null, this::source);
                }
                if (expectedKind != null) {
                    Result.checkKind(expectedKind, kind, this::source);
                }
                try {
                    // Jackson closes its source when done; the body must stay open to be read to its end
                    // (trailing whitespace), which lets the connection go back to the pool.
                    InputStream unclosed = new FilterInputStream(in) {
                        @Override
                        public void close() {}
                    };
                    Object value = reader.readValue(new SequenceInputStream(new ByteArrayInputStream(head), unclosed));
                    in.transferTo(OutputStream.nullOutputStream());
                    return new Decoded(value);
                } catch (JacksonIOException e) {
                    throw e.getCause() != null ? e.getCause() : new IOException(e.getMessage(), e);
                } catch (JacksonException e) {
                    throw new KubeException("unable to decode the response to " + source() + " (status " + code
                            + ") into " + target + ": " + e.getOriginalMessage(), e);
                }
            });
            if (outcome instanceof Result result) {
                return buffered.apply(result);
            }
            @SuppressWarnings("unchecked")
            T value = (T) ((Decoded) outcome).value();
            return value;
        }

        /** Runs {@code reader} on the body, closing the response after; the request's timeout covers it. */
        private <R> R readWithDeadline(BodyReader<R> reader) {
            // The transport's timeout ends at the headers; the request's timeout covers the body too.
            AtomicBoolean expired = new AtomicBoolean();
            DeadlineTimer.Entry timer = null;
            // A body already in memory is read without waiting, so it needs no timer.
            if (deadline != 0 && !response.bodyReceived()) {
                BodyTimeouts.ARMED.incrementAndGet();
                timer = DeadlineTimer.shared().schedule(deadline, () -> {
                    expired.set(true);
                    closeQuietly(response);
                });
            }
            try (TransportResponse r = response; InputStream in = r.body()) {
                return reader.read(in);
            } catch (IOException e) {
                if (expired.get()) {
                    throw new KubeIOException("request timeout of " + UrlParts.goDuration(timeout)
                            + " exceeded while reading the response body (" + verb + " " + url + ")", e);
                }
                throw new KubeIOException("unexpected error when reading response body. Please retry. Original error: "
                        + e.getMessage() + " (" + verb + " " + url + ")", e);
            } finally {
                if (timer != null) {
                    timer.cancel();
                }
            }
        }

        /** The request as error messages name it: verb and URL (which never carries credentials). */
        String source() {
            return verb + " " + url;
        }

        Result toResult() {
            byte[] bytes = readBody();
            int code = response.statusCode();
            String responseType = response.header("Content-Type").orElse("");
            String contentType = responseType.isEmpty() ? client.contentType() : responseType;
            List<WarningHeader> warnings = handleWarnings(response);
            KubeException error = null;
            if ((code < 200 || code > 206) && code != 101) {
                error = Result.isJson(contentType) ? Result.failureStatus(bytes) : null;
                if (error == null) {
                    error = genericError(bytes);
                }
            }
            return new Result(bytes, code, contentType, warnings, error, this::source);
        }

        KubeException genericError(byte[] bytes) {
            String type = response.header("Content-Type").orElse("");
            String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            boolean text = type.isEmpty() || media.startsWith("text/");
            String message = "unknown";
            if (text) {
                int n = Math.min(bytes.length, MAX_UNSTRUCTURED_TEXT);
                message = new String(bytes, 0, n, StandardCharsets.UTF_8).strip();
            }
            GroupResource gr = resource.isEmpty() ? null : GroupResource.of(client.apiVersion().group(), resource);
            return Errors.newGenericServerResponse(response.statusCode(), verb, gr, resourceName, message,
                    retryAfterSeconds(response), true);
        }
    }

    List<WarningHeader> handleWarnings(TransportResponse response) {
        List<String> values = response.headerValues("Warning");
        if (values.isEmpty()) {
            return List.of();
        }
        List<WarningHeader> warnings = WarningHeaders.parse(values);
        WarningHandler handler = warningHandler != null ? warningHandler : WarningHandlers.getDefault();
        for (WarningHeader w : warnings) {
            handler.handleWarning(w.code(), w.agent(), w.text());
        }
        return List.copyOf(warnings);
    }

    private void preflight() {
        if (!namespaceSet || !namespace.isEmpty()) {
            return;
        }
        if (verb.equals("POST")) {
            throw new InvalidRequestException("an empty namespace may not be set during creation");
        }
        if ((verb.equals("GET") || verb.equals("PUT") || verb.equals("DELETE")) && !resourceName.isEmpty()) {
            throw new InvalidRequestException("an empty namespace may not be set when a resource name is provided");
        }
    }

    /** Runs the attempts, retrying as client-go's {@code withRetry} does, and returns the final response. */
    Exchange send(Mode mode) {
        if (err != null) {
            throw err;
        }
        preflight();
        URI url = url();
        // The URL's authority is always the client's.
        String host = client.hostPort();
        long deadline = mode == Mode.EXECUTE && timeout != null ? System.nanoTime() + saturatedNanos(timeout) : 0;
        // client-go throttles a watch only on its retries.
        if (mode != Mode.WATCH) {
            throttle(url, host, deadline);
        }
        int retries = 0;
        Duration retryAfter = Duration.ZERO;
        IOException previousError = null;
        while (true) {
            Duration delay = backoff.calculateBackoff(url);
            if (retries > 0 && retryAfter.compareTo(delay) > 0) {
                delay = retryAfter;
            }
            sleep(delay, url, deadline);
            if (retries > 0) {
                throttle(url, host, deadline);
            }
            TransportRequest request = buildRequest(url, deadline);
            long start = System.nanoTime();
            TransportResponse response = null;
            IOException failure = null;
            client.metrics.requestStarted(verb, host);
            try {
                response = client.transport().send(request);
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubeIOException("interrupted while sending " + verb + " " + url, e);
            } finally {
                client.metrics.requestFinished(verb, host);
            }
            long latencyNanos = System.nanoTime() - start;
            Duration latency = Duration.ofNanos(latencyNanos);
            int code = response == null ? 0 : response.statusCode();
            backoff.updateBackoff(url, failure, code);
            client.metrics.requestLatency(verb, host, resource, code, latencyNanos);
            client.metrics.requestResult(verb, host, code);
            logAttempt(url, response, failure, latency);

            boolean mayRetry = retries < maxRetries && (request.body() == null || request.body().repeatable());
            if (failure != null) {
                if (mayRetry && retriableTransportError(mode, failure)) {
                    retries++;
                    retryAfter = Duration.ofSeconds(1);
                    String reason = "retries: " + retries + ", retry-after: 1s - retry-reason: due to retryable error, error: "
                            + failure.getMessage();
                    client.metrics.requestRetry(verb, host, 0, transportReason(failure));
                    LOG.debug("Retrying {} {}: {}", verb, url, reason);
                    previousError = failure;
                    continue;
                }
                if (deadline != 0 && isBodyTimeout(failure)) {
                    // A small body the transport awaited inside send(), late: the error a streamed one gives.
                    throw new KubeIOException("request timeout of " + UrlParts.goDuration(timeout)
                            + " exceeded while reading the response body (" + verb + " " + url + ")", failure);
                }
                throw transportError(url, failure, previousError);
            }
            Integer seconds = (code == 429 || code >= 500) ? parseRetryAfter(response) : null;
            if (mayRetry && seconds != null) {
                retries++;
                retryAfter = Duration.ofSeconds(Math.max(0, seconds));
                String reason = "retries: " + retries + ", retry-after: " + seconds + "s - retry-reason: "
                        + (code == 429 ? "due to server-side throttling, FlowSchema UID: \""
                                + response.header("X-Kubernetes-PF-FlowSchema-UID").orElse("") + "\""
                                : String.valueOf(code));
                client.metrics.requestRetry(verb, host, code, String.valueOf(code));
                LOG.debug("Retrying {} {}: {}", verb, url, reason);
                drainAndClose(response);
                continue;
            }
            return new Exchange(url, response, deadline);
        }
    }

    private TransportRequest buildRequest(URI url, long deadline) {
        TransportRequest.Builder b = TransportRequest.builder(verb, url);
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            for (String v : e.getValue()) {
                b.addHeader(e.getKey(), v);
            }
        }
        b.body(body);
        if (deadline != 0) {
            b.timeout(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } else if (timeout != null) {
            b.timeout(timeout);
        }
        TransportRequest request = b.build();
        if (LOG.isTraceEnabled()) {
            LOG.trace("Request headers for {} {}: {}", verb, url, redact(request.headers()));
            if (body != null && body.bytes() != null) {
                LOG.trace("Request body: {}", traceBody(body.bytes()));
            }
        }
        return request;
    }

    private void throttle(URI url, String host, long deadline) {
        RateLimiter limiter = rateLimiter;
        if (limiter == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            if (deadline != 0) {
                limiter.await(Duration.ofNanos(Math.max(0, deadline - start)));
            } else {
                limiter.accept();
            }
        } catch (RateLimiterTimeoutException e) {
            throw new RateLimiterTimeoutException("client rate limiter Wait returned an error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeIOException("interrupted while waiting for the client rate limiter (" + verb + " " + url + ")", e);
        }
        long waitedNanos = System.nanoTime() - start;
        client.metrics.rateLimiterWait(verb, host, waitedNanos);
        Duration waited = Duration.ofNanos(waitedNanos);
        if (waited.toMillis() > 50) {
            LOG.debug("Waited for {} due to client-side throttling, not priority and fairness, request: {}:{}",
                    UrlParts.goDuration(waited), verb, url);
        }
    }

    private void sleep(Duration delay, URI url, long deadline) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        if (deadline != 0 && System.nanoTime() + saturatedNanos(delay) > deadline) {
            throw new KubeIOException("request timeout of " + UrlParts.goDuration(timeout)
                    + " exceeded before the next attempt (" + verb + " " + url + ")");
        }
        try {
            client.sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeIOException("interrupted while waiting to retry " + verb + " " + url, e);
        }
    }

    private boolean retriableTransportError(Mode mode, IOException e) {
        return switch (mode) {
            case EXECUTE -> verb.equals("GET") && isProbableEof(e);
            case WATCH -> isProbableEof(e) || isTimeout(e);
            case STREAM -> false;
        };
    }

    /**
     * Whether the transport timed out receiving a body it awaits inside {@code send} (the
     * JdkHttpTransport does so for small bodies), rather than waiting for the headers.
     */
    static boolean isBodyTimeout(IOException e) {
        return e instanceof ResponseBodyTimeoutException;
    }

    /** Connection resets and premature closes, which the JDK reports under several messages. */
    static boolean isProbableEof(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("connection reset") || m.contains("eof") || m.contains("broken pipe")
                    || m.contains("received no bytes") || m.contains("connection closed")
                    || m.contains("use of closed network connection") || m.contains("goaway")) {
                return true;
            }
        }
        return false;
    }

    /** A short, low-cardinality name for a retried transport error, fit for a metric tag. */
    static String transportReason(Throwable e) {
        if (isTimeout(e)) {
            return "timeout";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("connection reset")) {
                return "connection reset";
            }
        }
        return "eof";
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private KubeIOException transportError(URI url, IOException failure, IOException previous) {
        String message = verb + " " + url + ": " + describe(failure);
        if (previous != null && !describe(previous).equals(describe(failure))) {
            message = message + " - error from a previous attempt: " + describe(previous);
        }
        return new KubeIOException(message, failure);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static Integer parseRetryAfter(TransportResponse response) {
        String value = response.header("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The declared body length, or -1 when absent or malformed. */
    static long contentLength(TransportResponse response) {
        String value = response.header("Content-Length").orElse(null);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int retryAfterSeconds(TransportResponse response) {
        Integer s = parseRetryAfter(response);
        return s == null ? 0 : s;
    }

    /** Reads a little of a discarded body so the connection can be reused, then closes it. */
    private static void drainAndClose(TransportResponse response) {
        try (TransportResponse r = response; InputStream in = r.body()) {
            if (in != null) {
                in.readNBytes(2048);
            }
        } catch (IOException ignored) {
            // The response is discarded; a failure to drain only costs the connection.
        }
    }

    private void logAttempt(URI url, TransportResponse response, IOException failure, Duration latency) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long ms = latency.toMillis();
        if (failure != null) {
            LOG.debug("{} {} failed in {} ms: {}", verb, url, ms, describe(failure));
            return;
        }
        LOG.debug("{} {} {} in {} ms", verb, url, response.statusCode(), ms);
        if (LOG.isTraceEnabled()) {
            LOG.trace("Response headers: {}", redact(response.headers()));
        }
    }

    static Map<String, List<String>> redact(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            String lower = k.toLowerCase(Locale.ROOT);
            boolean secret = lower.equals("authorization") || lower.equals("proxy-authorization")
                    || lower.equals("cookie") || lower.equals("set-cookie");
            out.put(k, secret ? List.of("<masked>") : v);
        });
        return out;
    }

    /**
     * The body as TRACE shows it: truncated, and left out entirely for Secrets, TokenRequests and
     * TokenReviews, whose bodies are credentials.
     */
    String traceBody(byte[] bytes) {
        String r = resource.toLowerCase(Locale.ROOT);
        if (r.equals("secrets") || r.equals("tokenreviews") || subresource.equals("token")) {
            return "<" + bytes.length + " bytes of " + r + (subresource.isEmpty() ? "" : "/" + subresource) + " omitted>";
        }
        return truncate(bytes);
    }

    static String truncate(byte[] bytes) {
        int n = Math.min(bytes.length, TRACE_BODY_LIMIT);
        String s = new String(bytes, 0, n, StandardCharsets.UTF_8);
        return bytes.length > n ? s + " [truncated " + (bytes.length - n) + " bytes]" : s;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

}
