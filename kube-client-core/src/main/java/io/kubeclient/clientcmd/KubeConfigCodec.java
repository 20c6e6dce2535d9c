package io.kubeclient.clientcmd;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.AuthProviderConfig;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.clientcmd.api.Context;
import io.kubeclient.clientcmd.api.ExecConfig;
import io.kubeclient.clientcmd.api.Preferences;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes the kubeconfig wire format (client-go's {@code clientcmd/api/v1}) with
 * kubectl's field names. Decoding is lenient about unknown fields and strict about types; every
 * error names the file and field and never quotes file content, which may hold credentials.
 *
 * <p>Decoding maps a plain tree ({@link LinkedHashMap} for mappings, {@link ArrayList} for lists,
 * {@code String}, {@code Boolean}, numbers, {@code byte[]} and {@code null}) to a {@link Config}.
 * A YAML kubeconfig of the common block-style shape is read into that tree by
 * {@link KubeconfigYaml}, which loads no Jackson class; anything else (JSON, or YAML beyond that
 * reader's subset) by Jackson's streaming parsers in {@link Jackson}. Only classes nested here touch
 * Jackson, so that the fast path does not even load it.
 */
final class KubeConfigCodec {

    static final String EXEC_V1 = "client.authentication.k8s.io/v1";
    static final String EXEC_V1BETA1 = "client.authentication.k8s.io/v1beta1";
    private static final String EXEC_V1ALPHA1 = "client.authentication.k8s.io/v1alpha1";

    private KubeConfigCodec() {}

    /**
     * Decodes YAML or JSON. Entries remember {@code file} as their origin when it is non-null.
     */
    static Config decode(byte[] data, Path file) {
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return Config.EMPTY;
        }
        boolean json = text.stripLeading().startsWith("{");
        Object root = json ? null : KubeconfigYaml.read(text);
        if (root == null) {
            root = Jackson.parse(json, text, file);
        }
        return decodeTree(root, file);
    }

    /** Decodes a plain tree ({@code null}: no document, or a null one). */
    static Config decodeTree(Object root, Path file) {
        return root == null ? Config.EMPTY : new Decoder(file).config(root);
    }

    /** Encodes as YAML with keys sorted, as {@code kubectl config view}. */
    static byte[] encodeYaml(Config config) {
        return Encoder.encodeYaml(config);
    }

    /** Encodes as indented JSON in kubectl's field order. */
    static byte[] encodeJson(Config config) {
        return Encoder.encodeJson(config);
    }

    /** Reading with Jackson's streaming parsers, into the plain tree; loaded only when needed. */
    static final class Jackson {

        /** The YAML parser factory, with the settings of the mapper's own; built on first use. */
        private static final class YamlParsers {
            static final YAMLFactory FACTORY = new YAMLFactory();
        }

        /** The JSON parser factory, with the settings of the mapper's own; built on first use. */
        private static final class JsonParsers {
            static final JsonFactory FACTORY = new JsonFactory();
        }

        private Jackson() {}

        /** The document's plain tree, {@code null} when there is none or it is null. */
        static Object parse(boolean json, String text, Path file) {
            try {
                return json ? readTree(JsonParsers.FACTORY, text) : readTree(YamlParsers.FACTORY, text);
            } catch (JacksonException e) {
                // The parser's own message may quote the offending line, which can hold a credential:
                // report only the position, and do not attach the cause.
                TokenStreamLocation loc = e.getLocation();
                String where = loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
                throw new ConfigException("malformed kubeconfig: " + (json ? "JSON" : "YAML") + " syntax error" + where,
                        file, null, null);
            }
        }

        /**
         * The document as a plain tree, with the values {@code ObjectMapper.readTree} would hold (the
         * last of duplicate keys wins; content after the first document is an error), without building
         * a mapper: {@code Integer}, {@code Long} or {@code BigInteger} for integers by size, {@code
         * Double} (or the parser's {@code BigDecimal}/{@code Float}) for other numbers, the parser's
         * embedded object ({@code byte[]} for YAML binary). {@code null} when there is no document.
         */
        static Object readTree(TokenStreamFactory factory, String text) {
            try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
                JsonToken first = p.nextToken();
                if (first == null) {
                    return null;
                }
                Object root = value(p, first);
                if (p.nextToken() != null) {
                    throw new StreamReadException(p, "Trailing token (of type " + p.currentToken()
                            + ") found after value (bound as `JsonNode`)");
                }
                return root;
            }
        }

        private static Object value(JsonParser p, JsonToken t) {
            if (t == null) {
                // The parsers report a truncated document themselves; this only guards the walk.
                throw new StreamReadException(p, "Unexpected end of content");
            }
            switch (t) {
                case START_OBJECT: {
                    Map<String, Object> object = new LinkedHashMap<>();
                    JsonToken next;
                    while ((next = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                        String name = p.currentName();
                        object.put(name, value(p, p.nextToken()));
                    }
                    if (next != JsonToken.END_OBJECT) {
                        throw new StreamReadException(p, "Unexpected token (" + next + ") in an object");
                    }
                    return object;
                }
                case START_ARRAY: {
                    List<Object> array = new ArrayList<>();
                    for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                        array.add(value(p, item));
                    }
                    return array;
                }
                case VALUE_STRING:
                    return p.getString();
                case VALUE_NUMBER_INT:
                    switch (p.getNumberType()) {
                        case INT:
                            return p.getIntValue();
                        case LONG:
                            return p.getLongValue();
                        default:
                            return p.getBigIntegerValue();
                    }
                case VALUE_NUMBER_FLOAT:
                    switch (p.getNumberType()) {
                        case BIG_DECIMAL:
                            return p.getDecimalValue();
                        case FLOAT:
                            return p.getFloatValue();
                        default:
                            return p.getDoubleValue();
                    }
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NULL:
                    return null;
                case VALUE_EMBEDDED_OBJECT:
                    return p.getEmbeddedObject();
                default:
                    throw new StreamReadException(p, "Unexpected token (" + t + ")");
            }
        }
    }

    private static final class Decoder {
        private final Path file;

        Decoder(Path file) {
            this.file = file;
        }

        Config config(Object root) {
            requireObject(root, "(top level)");
            Map<String, Cluster> clusters = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : named(root, "clusters", "cluster").entrySet()) {
                clusters.put(e.getKey(), cluster(e.getValue(), "clusters[" + e.getKey() + "]"));
            }
            Map<String, AuthInfo> users = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : named(root, "users", "user").entrySet()) {
                users.put(e.getKey(), authInfo(e.getValue(), "users[" + e.getKey() + "]"));
            }
            Map<String, Context> contexts = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : named(root, "contexts", "context").entrySet()) {
                Object n = e.getValue();
                String w = "contexts[" + e.getKey() + "]";
                requireObject(n, w);
                contexts.put(e.getKey(), new Context(str(n, "cluster", w), str(n, "user", w), str(n, "namespace", w),
                        extensions(n, w), file));
            }
            Preferences prefs = Preferences.EMPTY;
            Object p = get(root, "preferences");
            if (p != null) {
                requireObject(p, "preferences");
                prefs = new Preferences(bool(p, "colors", "preferences"), extensions(p, "preferences"));
            }
            return new Config(str(root, "current-context", ""), prefs, clusters, users, contexts, extensions(root, ""));
        }

        Cluster cluster(Object n, String w) {
            requireObject(n, w);
            return Cluster.builder()
                    .server(str(n, "server", w))
                    .tlsServerName(str(n, "tls-server-name", w))
                    .insecureSkipTlsVerify(bool(n, "insecure-skip-tls-verify", w))
                    .certificateAuthority(str(n, "certificate-authority", w))
                    .certificateAuthorityData(base64(n, "certificate-authority-data", w))
                    .proxyUrl(str(n, "proxy-url", w))
                    .disableCompression(bool(n, "disable-compression", w))
                    .extensions(extensions(n, w))
                    .locationOfOrigin(file)
                    .build();
        }

        AuthInfo authInfo(Object n, String w) {
            requireObject(n, w);
            AuthInfo.Builder b = AuthInfo.builder()
                    .clientCertificate(str(n, "client-certificate", w))
                    .clientCertificateData(base64(n, "client-certificate-data", w))
                    .clientKey(str(n, "client-key", w))
                    .clientKeyData(base64(n, "client-key-data", w))
                    .token(str(n, "token", w))
                    .tokenFile(str(n, "tokenFile", w))
                    .impersonate(str(n, "as", w))
                    .impersonateUid(str(n, "as-uid", w))
                    .impersonateGroups(strings(n, "as-groups", w))
                    .username(str(n, "username", w))
                    .password(str(n, "password", w))
                    .extensions(extensions(n, w))
                    .locationOfOrigin(file);
            Object extra = child(n, "as-user-extra", w);
            if (extra != null) {
                requireObject(extra, w + ".as-user-extra");
                Map<String, List<String>> m = new LinkedHashMap<>();
                for (String key : map(extra).keySet()) {
                    m.put(key, strings(extra, key, w + ".as-user-extra"));
                }
                b.impersonateUserExtra(m);
            }
            Object ap = child(n, "auth-provider", w);
            if (ap != null) {
                String aw = w + ".auth-provider";
                requireObject(ap, aw);
                Map<String, String> cfg = new LinkedHashMap<>();
                Object c = child(ap, "config", aw);
                if (c != null) {
                    requireObject(c, aw + ".config");
                    for (String key : map(c).keySet()) {
                        cfg.put(key, str(c, key, aw + ".config"));
                    }
                }
                b.authProvider(new AuthProviderConfig(str(ap, "name", aw), cfg));
            }
            Object ex = child(n, "exec", w);
            if (ex != null) {
                b.exec(exec(ex, w + ".exec"));
            }
            return b.build();
        }

        ExecConfig exec(Object n, String w) {
            requireObject(n, w);
            List<ExecConfig.EnvVar> env = new ArrayList<>();
            Object envNode = child(n, "env", w);
            if (envNode != null) {
                requireArray(envNode, w + ".env");
                int i = 0;
                for (Object e : list(envNode)) {
                    String ew = w + ".env[" + i++ + "]";
                    requireObject(e, ew);
                    env.add(new ExecConfig.EnvVar(str(e, "name", ew), str(e, "value", ew)));
                }
            }
            String apiVersion = str(n, "apiVersion", w);
            String mode = str(n, "interactiveMode", w);
            // client-go defaults the mode for the beta and alpha versions only; v1 must say it.
            if (mode.isEmpty() && (apiVersion.equals(EXEC_V1BETA1) || apiVersion.equals(EXEC_V1ALPHA1))) {
                mode = "IfAvailable";
            }
            return new ExecConfig(apiVersion, str(n, "command", w), strings(n, "args", w), env,
                    str(n, "installHint", w), bool(n, "provideClusterInfo", w), mode);
        }

        /** A named list ({@code [{name, <valueKey>}]}) as an ordered map; duplicate names are errors. */
        Map<String, Object> named(Object root, String listKey, String valueKey) {
            Map<String, Object> out = new LinkedHashMap<>();
            Object list = child(root, listKey, "");
            if (list == null) {
                return out;
            }
            requireArray(list, listKey);
            int i = 0;
            for (Object item : list(list)) {
                String w = listKey + "[" + i++ + "]";
                requireObject(item, w);
                String name = str(item, "name", w);
                if (out.containsKey(name)) {
                    throw new ConfigException("duplicate name \"" + name + "\" in list", file, listKey, null);
                }
                Object value = get(item, valueKey);
                out.put(name, value == null ? new LinkedHashMap<String, Object>() : value);
            }
            return out;
        }

        Map<String, Object> extensions(Object n, String w) {
            String ew = w.isEmpty() ? "extensions" : w + ".extensions";
            Object list = get(n, "extensions");
            if (list == null) {
                return Map.of();
            }
            requireArray(list, ew);
            Map<String, Object> out = new LinkedHashMap<>();
            int i = 0;
            for (Object item : list(list)) {
                String iw = ew + "[" + i++ + "]";
                requireObject(item, iw);
                String name = str(item, "name", iw);
                if (out.containsKey(name)) {
                    throw new ConfigException("duplicate name \"" + name + "\" in list", file, ew, null);
                }
                // The plain value as it is: what Jackson's Object binding made of the same tree.
                out.put(name, get(item, "extension"));
            }
            return out;
        }

        Object child(Object n, String key, String w) {
            return get(n, key);
        }

        /** The value of {@code key} in a mapping the caller has checked; {@code null} when absent or null. */
        private static Object get(Object mapping, String key) {
            return map(mapping).get(key);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> map(Object mapping) {
            return (Map<String, Object>) mapping;
        }

        @SuppressWarnings("unchecked")
        private static List<Object> list(Object list) {
            return (List<Object>) list;
        }

        String str(Object n, String key, String w) {
            Object c = child(n, key, w);
            if (c == null) {
                return "";
            }
            if (!(c instanceof String s)) {
                throw wrongType("a string", c, field(w, key));
            }
            return s;
        }

        boolean bool(Object n, String key, String w) {
            Object c = child(n, key, w);
            if (c == null) {
                return false;
            }
            if (!(c instanceof Boolean b)) {
                throw wrongType("a boolean", c, field(w, key));
            }
            return b;
        }

        List<String> strings(Object n, String key, String w) {
            Object c = child(n, key, w);
            if (c == null) {
                return List.of();
            }
            requireArray(c, field(w, key));
            List<String> out = new ArrayList<>();
            int i = 0;
            for (Object item : list(c)) {
                if (!(item instanceof String s)) {
                    throw wrongType("a string", item, field(w, key) + "[" + i + "]");
                }
                out.add(s);
                i++;
            }
            return out;
        }

        byte[] base64(Object n, String key, String w) {
            String s = str(n, key, w).replace("\r", "").replace("\n", "");
            if (s.isEmpty()) {
                return null;
            }
            try {
                return Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid base64 data", file, field(w, key), null);
            }
        }

        void requireObject(Object n, String w) {
            if (!(n instanceof Map)) {
                throw wrongType("a mapping", n, w);
            }
        }

        void requireArray(Object n, String w) {
            if (!(n instanceof List)) {
                throw wrongType("a list", n, w);
            }
        }

        private ConfigException wrongType(String expected, Object actual, String field) {
            // Only the node type is reported, never the value.
            return new ConfigException("wrong type: expected " + expected + ", found " + typeName(actual), file, field, null);
        }

        private static String field(String w, String key) {
            return w.isEmpty() ? key : w + "." + key;
        }

        /** The names Jackson's node types had here: a parser's other embedded objects count as mappings. */
        private static String typeName(Object n) {
            if (n == null) {
                return "null";
            }
            if (n instanceof List) {
                return "a list";
            }
            if (n instanceof String) {
                return "a string";
            }
            if (n instanceof Number) {
                return "a number";
            }
            if (n instanceof Boolean) {
                return "a boolean";
            }
            if (n instanceof byte[]) {
                return "binary";
            }
            return "a mapping";
        }
    }

    /** Encoding with Jackson's mappers; loaded only when needed. */
    private static final class Encoder {
        private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

        /**
         * The mappers, built on first use: building a Jackson mapper costs tens of milliseconds in a
         * fresh JVM.
         */
        private static final class Mappers {
            static final JsonMapper JSON = JsonMapper.builder().build();
            static final YAMLMapper YAML = YAMLMapper.builder()
                    .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                    .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                    .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build();
        }

        private Encoder() {}

        static byte[] encodeYaml(Config config) {
            return Mappers.YAML.writeValueAsBytes(sortKeys(encode(config)));
        }

        static byte[] encodeJson(Config config) {
            return Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(encode(config));
        }

        private static ObjectNode encode(Config c) {
            ObjectNode root = NODES.objectNode();
            root.put("kind", "Config");
            root.put("apiVersion", "v1");
            ObjectNode prefs = root.putObject("preferences");
            if (c.preferences().colors()) {
                prefs.put("colors", true);
            }
            putExtensions(prefs, c.preferences().extensions());
            ArrayNode clusters = root.putArray("clusters");
            new TreeMap<>(c.clusters()).forEach((name, cl) -> {
                ObjectNode item = clusters.addObject();
                item.put("name", name);
                ObjectNode n = item.putObject("cluster");
                n.put("server", cl.server());
                putIf(n, "tls-server-name", cl.tlsServerName());
                if (cl.insecureSkipTlsVerify()) {
                    n.put("insecure-skip-tls-verify", true);
                }
                putIf(n, "certificate-authority", cl.certificateAuthority());
                putData(n, "certificate-authority-data", cl.certificateAuthorityData());
                putIf(n, "proxy-url", cl.proxyUrl());
                if (cl.disableCompression()) {
                    n.put("disable-compression", true);
                }
                putExtensions(n, cl.extensions());
            });
            ArrayNode users = root.putArray("users");
            new TreeMap<>(c.authInfos()).forEach((name, a) -> {
                ObjectNode item = users.addObject();
                item.put("name", name);
                ObjectNode n = item.putObject("user");
                putIf(n, "client-certificate", a.clientCertificate());
                putData(n, "client-certificate-data", a.clientCertificateData());
                putIf(n, "client-key", a.clientKey());
                putData(n, "client-key-data", a.clientKeyData());
                putIf(n, "token", a.token());
                putIf(n, "tokenFile", a.tokenFile());
                putIf(n, "as", a.impersonate());
                putIf(n, "as-uid", a.impersonateUid());
                if (!a.impersonateGroups().isEmpty()) {
                    ArrayNode g = n.putArray("as-groups");
                    a.impersonateGroups().forEach(g::add);
                }
                if (!a.impersonateUserExtra().isEmpty()) {
                    ObjectNode extra = n.putObject("as-user-extra");
                    a.impersonateUserExtra().forEach((k, v) -> {
                        ArrayNode arr = extra.putArray(k);
                        v.forEach(arr::add);
                    });
                }
                putIf(n, "username", a.username());
                putIf(n, "password", a.password());
                if (a.authProvider() != null) {
                    ObjectNode ap = n.putObject("auth-provider");
                    ap.put("name", a.authProvider().name());
                    if (a.authProvider().config().isEmpty()) {
                        ap.putNull("config");
                    } else {
                        ObjectNode cfg = ap.putObject("config");
                        a.authProvider().config().forEach(cfg::put);
                    }
                }
                if (a.exec() != null) {
                    ExecConfig e = a.exec();
                    ObjectNode ex = n.putObject("exec");
                    ex.put("command", e.command());
                    if (e.args().isEmpty()) {
                        ex.putNull("args");
                    } else {
                        ArrayNode args = ex.putArray("args");
                        e.args().forEach(args::add);
                    }
                    if (e.env().isEmpty()) {
                        ex.putNull("env");
                    } else {
                        ArrayNode env = ex.putArray("env");
                        e.env().forEach(v -> env.addObject().put("name", v.name()).put("value", v.value()));
                    }
                    putIf(ex, "apiVersion", e.apiVersion());
                    putIf(ex, "installHint", e.installHint());
                    ex.put("provideClusterInfo", e.provideClusterInfo());
                    putIf(ex, "interactiveMode", e.interactiveMode());
                }
                putExtensions(n, a.extensions());
            });
            ArrayNode contexts = root.putArray("contexts");
            new TreeMap<>(c.contexts()).forEach((name, ctx) -> {
                ObjectNode item = contexts.addObject();
                item.put("name", name);
                ObjectNode n = item.putObject("context");
                n.put("cluster", ctx.cluster());
                n.put("user", ctx.authInfo());
                putIf(n, "namespace", ctx.namespace());
                putExtensions(n, ctx.extensions());
            });
            root.put("current-context", c.currentContext());
            putExtensions(root, c.extensions());
            return root;
        }

        private static void putIf(ObjectNode n, String key, String value) {
            if (!value.isEmpty()) {
                n.put(key, value);
            }
        }

        private static void putData(ObjectNode n, String key, byte[] value) {
            if (value != null && value.length > 0) {
                n.put(key, Base64.getEncoder().encodeToString(value));
            }
        }

        private static void putExtensions(ObjectNode n, Map<String, Object> extensions) {
            if (extensions.isEmpty()) {
                return;
            }
            ArrayNode list = n.putArray("extensions");
            new TreeMap<>(extensions).forEach((name, ext) -> {
                ObjectNode item = list.addObject();
                item.put("name", name);
                item.set("extension", ext == null ? NODES.nullNode() : Mappers.JSON.valueToTree(ext));
            });
        }

        private static JsonNode sortKeys(JsonNode n) {
            if (n.isObject()) {
                ObjectNode sorted = NODES.objectNode();
                new TreeMap<>(collect(n)).forEach((k, v) -> sorted.set(k, sortKeys(v)));
                return sorted;
            }
            if (n.isArray()) {
                ArrayNode arr = NODES.arrayNode();
                n.values().forEach(v -> arr.add(sortKeys(v)));
                return arr;
            }
            return n;
        }

        private static Map<String, JsonNode> collect(JsonNode n) {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), e.getValue());
            }
            return m;
        }
    }
}
