package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.transport.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Request#url()} builds the URL in one pass over precomputed parts; this checks it byte for
 * byte against the straightforward construction (join the parts as Go's {@code path.Join} does,
 * then escape the whole path, then add the sorted query), written out here independently, over
 * thousands of random combinations of base URL, API path, prefix, absolute path, namespace,
 * resource, name, subresource, suffix, parameters and timeout.
 */
class RequestUrlReferenceTest {

    private static final HttpTransport NO_NETWORK = request -> {
        throw new AssertionError("no request may be sent");
    };

    private static final String[] HOSTS = {
        "https://example.test:6443", "https://example.test:6443/", "https://proxy.test/k8s/clusters/c1",
        "https://proxy.test/k8s/clusters/c1/", "https://proxy.test//k8s//", "http://[::1]:8080", "localhost:8080",
        "https://h.test/a%20b/", "https://h.test:1/x/../y/.", "https://h.test/é/", "https://h.test/a$b;c=d/",
    };
    private static final String[][] API = { // apiPath, group, version (null: unversioned)
        {"/api", "", "v1"}, {"/apis", "apps", "v1"}, {"/apis/", "batch", "v1"}, {"/api", null, null},
        {"", null, null}, {"/", null, null}, {"apis", "x.io", "v1beta1"},
    };
    private static final String[][] PREFIXES = {null, {"watch"}, {"a/", "/b"}, {".."}, {"/x y", "é"}, {""}};
    private static final String[][] ABS_PATHS = {null, {"/version"}, {"/apis/"}, {"/"}, {"a", "b/"}, {"x/"}, {"/a?b", "#c"}, {}};
    private static final String[] NAMESPACES = {null, "", "default", "ns with space", "é", "a?b", "...", "a:b@c", "x#y"};
    private static final String[] RESOURCES = {"", "pods", "Pods", "a b", "ÄRGER", "x+y"};
    private static final String[] NAMES = {null, "web", "a b?c", "ü", "...", "x:y@z", "100$&+,;=", "~._-", "日本", "\ud800x"};
    private static final String[][] SUBRESOURCES = {null, {"status"}, {"proxy", "healthz"}, {"a", ""}, {"a b"}, {"", ""}};
    private static final String[][] SUFFIXES = {null, {"metrics", "x"}, {"/a/"}, {"..", "b"}, {"../../.."}, {"q?r", "s t"}, {"./"}};
    private static final String[][][] PARAMS = {
        {}, {{"watch", "true"}}, {{"labelSelector", "a in (b,c)"}, {"dryRun", "b"}, {"dryRun", "a"}},
        {{"fieldSelector", "a=b c"}, {"é", "ü&?"}}, {{"limit", "500"}, {"continue", "abc=="}},
    };
    private static final Duration[] TIMEOUTS = {null, Duration.ofSeconds(30), Duration.ofMillis(1500)};

    @Test
    void matchesTheStraightforwardConstructionOnRandomRequests() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String host = pick(random, HOSTS);
            String[] api = pick(random, API);
            String[] prefix = pick(random, PREFIXES);
            String[] absPath = pick(random, ABS_PATHS);
            String namespace = pick(random, NAMESPACES);
            String resource = pick(random, RESOURCES);
            String name = pick(random, NAMES);
            String[] subresource = pick(random, SUBRESOURCES);
            String[] suffix = pick(random, SUFFIXES);
            String[][] params = pick(random, PARAMS);
            Duration timeout = pick(random, TIMEOUTS);

            RestConfig.Builder config = RestConfig.builder().host(host).apiPath(api[0]);
            RESTClient client = api[2] == null
                    ? RESTClient.unversionedForConfigAndTransport(config.build(), NO_NETWORK)
                    : RESTClient.forConfigAndTransport(config.groupVersion(GroupVersion.of(api[1], api[2])).build(), NO_NETWORK);
            Request r = client.get();
            Reference ref = new Reference(client);
            if (prefix != null) {
                r.prefix(prefix);
                ref.prefix(prefix);
            }
            if (absPath != null) {
                r.absPath(absPath);
                ref.absPath(absPath);
            }
            if (namespace != null) {
                r.namespace(namespace);
                ref.namespaceSet = true;
                ref.namespace = namespace;
            }
            r.resource(resource);
            ref.resource = resource;
            if (name != null) {
                r.name(name);
                ref.name = name;
            }
            if (subresource != null) {
                r.subResource(subresource);
                ref.subresource = join(subresource);
            }
            if (suffix != null) {
                r.suffix(suffix);
                ref.subpath = join(ref.subpath, join(suffix));
            }
            for (String[] p : params) {
                r.param(p[0], p[1]);
                ref.params.computeIfAbsent(p[0], k -> new java.util.ArrayList<>()).add(p[1]);
            }
            r.timeout(timeout);
            ref.timeout = timeout;

            String what = "case " + i + ": host " + host + ", api " + String.join(",", String.valueOf(api[0]),
                    String.valueOf(api[1]), String.valueOf(api[2])) + ", prefix " + str(prefix) + ", absPath " + str(absPath)
                    + ", namespace " + namespace + ", resource " + resource + ", name " + name + ", subresource "
                    + str(subresource) + ", suffix " + str(suffix);
            assertThat(r.url().toString()).as(what).isEqualTo(ref.url());
        }
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String str(String[] values) {
        return values == null ? "-" : String.join("|", values);
    }

    /** The request's state and URL built the plain way, as {@link Request} did before the one-pass builder. */
    private static final class Reference {
        final RESTClient client;
        String pathPrefix;
        String subpath = "";
        boolean namespaceSet;
        String namespace = "";
        String resource = "";
        String name = "";
        String subresource = "";
        final Map<String, List<String>> params = new LinkedHashMap<>();
        Duration timeout;

        Reference(RESTClient client) {
            this.client = client;
            this.pathPrefix = client.pathPrefix();
        }

        void prefix(String[] segments) {
            pathPrefix = join(pathPrefix, join(segments));
        }

        void absPath(String[] segments) {
            String basePath = client.base().getRawPath();
            pathPrefix = join(basePath, join(segments));
            if (segments.length == 1 && (basePath.length() > 1 || segments[0].length() > 1) && segments[0].endsWith("/")) {
                pathPrefix = pathPrefix + "/";
            }
        }

        String url() {
            String p = pathPrefix;
            if (namespaceSet && !namespace.isEmpty()) {
                p = join(p, "namespaces", namespace);
            }
            if (!resource.isEmpty()) {
                p = join(p, resource.toLowerCase(java.util.Locale.ROOT));
            }
            if (!name.isEmpty() || !subpath.isEmpty() || !subresource.isEmpty()) {
                p = join(p, name, subresource, subpath);
            }
            Map<String, List<String>> query = new TreeMap<>(params);
            if (timeout != null) {
                query.put("timeout", List.of(UrlParts.goDuration(timeout)));
            }
            StringBuilder q = new StringBuilder();
            query.forEach((k, values) -> values.forEach(v -> {
                q.append(q.length() == 0 ? "" : "&").append(escape(k, true)).append('=').append(escape(v, true));
            }));
            return client.base().getScheme() + "://" + client.base().getRawAuthority() + escape(p, false)
                    + (q.length() == 0 ? "" : "?" + q);
        }
    }

    /** Go's path.Join. */
    private static String join(String... elements) {
        StringBuilder sb = new StringBuilder();
        for (String e : elements) {
            if (!e.isEmpty()) {
                sb.append(sb.length() > 0 ? "/" : "").append(e);
            }
        }
        return sb.length() == 0 ? "" : clean(sb.toString());
    }

    /** Go's path.Clean, without shortcuts. */
    private static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(part);
        }
        String joined = String.join("/", out);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    /** Go's url escaping of a path (shouldEscape in encodePath mode) or of a query key or value. */
    private static String escape(String s, boolean query) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0;
            if (unreserved || !query && "$&+,/:;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else if (query && c == ' ') {
                sb.append('+');
            } else {
                sb.append(String.format("%%%02X", c));
            }
        }
        return sb.toString();
    }
}
