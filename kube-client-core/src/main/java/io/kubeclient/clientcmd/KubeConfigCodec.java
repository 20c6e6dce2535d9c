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
 */
final class KubeConfigCodec {

    static final String EXEC_V1 = "client.authentication.k8s.io/v1";
    static final String EXEC_V1BETA1 = "client.authentication.k8s.io/v1beta1";
    private static final String EXEC_V1ALPHA1 = "client.authentication.k8s.io/v1alpha1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The mappers, built on first use. Decoding needs only the streaming parsers: building a Jackson
     * mapper costs tens of milliseconds in a fresh JVM, which an application reading its kubeconfig
     * while it starts would otherwise pay.
     */
    private static final class Mappers {
        static final JsonMapper JSON = JsonMapper.builder().build();
        static final YAMLMapper YAML = YAMLMapper.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build();
    }

    /** The YAML parser factory, with the settings of the mapper's own; built on first use. */
    private static final class YamlParsers {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    /** The JSON parser factory, with the settings of the mapper's own; built on first use. */
    private static final class JsonParsers {
        static final JsonFactory FACTORY = new JsonFactory();
    }

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
        JsonNode root;
        boolean json = text.stripLeading().startsWith("{");
        try {
            root = json ? readTree(JsonParsers.FACTORY, text) : readTree(YamlParsers.FACTORY, text);
        } catch (JacksonException e) {
            // The parser's own message may quote the offending line, which can hold a credential:
            // report only the position, and do not attach the cause.
            TokenStreamLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ConfigException("malformed kubeconfig: " + (json ? "JSON" : "YAML") + " syntax error" + where,
                    file, null, null);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Config.EMPTY;
        }
        return new Decoder(file).config(root);
    }

    /**
     * The document's tree as {@code ObjectMapper.readTree} builds it with default settings (the same
     * node types; the last of duplicate keys wins; content after the first document is an error),
     * without building a mapper. {@code null} when there is no document.
     */
    static JsonNode readTree(TokenStreamFactory factory, String text) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = node(p, first);
            if (p.nextToken() != null) {
                throw new StreamReadException(p, "Trailing token (of type " + p.currentToken()
                        + ") found after value (bound as `JsonNode`)");
            }
            return root;
        }
    }

    private static JsonNode node(JsonParser p, JsonToken t) {
        if (t == null) {
            // The parsers report a truncated document themselves; this only guards the walk.
            throw new StreamReadException(p, "Unexpected end of content");
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    object.set(name, node(p, p.nextToken()));
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new StreamReadException(p, "Unexpected token (" + next + ") in an object");
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                    array.add(node(p, item));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.stringNode(p.getString());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                switch (p.getNumberType()) {
                    case BIG_DECIMAL:
                        return NODES.numberNode(p.getDecimalValue());
                    case FLOAT:
                        return NODES.numberNode(p.getFloatValue());
                    default:
                        return NODES.numberNode(p.getDoubleValue());
                }
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT: {
                Object value = p.getEmbeddedObject();
                if (value == null) {
                    return NODES.nullNode();
                }
                return value instanceof byte[] bytes ? NODES.binaryNode(bytes) : NODES.pojoNode(value);
            }
            default:
                throw new StreamReadException(p, "Unexpected token (" + t + ")");
        }
    }

    /** Encodes as YAML with keys sorted, as {@code kubectl config view}. */
    static byte[] encodeYaml(Config config) {
        return Mappers.YAML.writeValueAsBytes(sortKeys(encode(config)));
    }

    /** Encodes as indented JSON in kubectl's field order. */
    static byte[] encodeJson(Config config) {
        return Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(encode(config));
    }

    private static final class Decoder {
        private final Path file;

        Decoder(Path file) {
            this.file = file;
        }

        Config config(JsonNode root) {
            requireObject(root, "(top level)");
            Map<String, Cluster> clusters = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : named(root, "clusters", "cluster").entrySet()) {
                clusters.put(e.getKey(), cluster(e.getValue(), "clusters[" + e.getKey() + "]"));
            }
            Map<String, AuthInfo> users = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : named(root, "users", "user").entrySet()) {
                users.put(e.getKey(), authInfo(e.getValue(), "users[" + e.getKey() + "]"));
            }
            Map<String, Context> contexts = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : named(root, "contexts", "context").entrySet()) {
                JsonNode n = e.getValue();
                String w = "contexts[" + e.getKey() + "]";
                requireObject(n, w);
                contexts.put(e.getKey(), new Context(str(n, "cluster", w), str(n, "user", w), str(n, "namespace", w),
                        extensions(n, w), file));
            }
            Preferences prefs = Preferences.EMPTY;
            JsonNode p = root.get("preferences");
            if (p != null && !p.isNull()) {
                requireObject(p, "preferences");
                prefs = new Preferences(bool(p, "colors", "preferences"), extensions(p, "preferences"));
            }
            return new Config(str(root, "current-context", ""), prefs, clusters, users, contexts, extensions(root, ""));
        }

        Cluster cluster(JsonNode n, String w) {
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

        AuthInfo authInfo(JsonNode n, String w) {
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
            JsonNode extra = child(n, "as-user-extra", w);
            if (extra != null) {
                requireObject(extra, w + ".as-user-extra");
                Map<String, List<String>> m = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : extra.properties()) {
                    m.put(e.getKey(), strings(extra, e.getKey(), w + ".as-user-extra"));
                }
                b.impersonateUserExtra(m);
            }
            JsonNode ap = child(n, "auth-provider", w);
            if (ap != null) {
                String aw = w + ".auth-provider";
                requireObject(ap, aw);
                Map<String, String> cfg = new LinkedHashMap<>();
                JsonNode c = child(ap, "config", aw);
                if (c != null) {
                    requireObject(c, aw + ".config");
                    for (String key : c.propertyNames()) {
                        cfg.put(key, str(c, key, aw + ".config"));
                    }
                }
                b.authProvider(new AuthProviderConfig(str(ap, "name", aw), cfg));
            }
            JsonNode ex = child(n, "exec", w);
            if (ex != null) {
                b.exec(exec(ex, w + ".exec"));
            }
            return b.build();
        }

        ExecConfig exec(JsonNode n, String w) {
            requireObject(n, w);
            List<ExecConfig.EnvVar> env = new ArrayList<>();
            JsonNode envNode = child(n, "env", w);
            if (envNode != null) {
                requireArray(envNode, w + ".env");
                int i = 0;
                for (JsonNode e : envNode.values()) {
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
        Map<String, JsonNode> named(JsonNode root, String listKey, String valueKey) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            JsonNode list = child(root, listKey, "");
            if (list == null) {
                return out;
            }
            requireArray(list, listKey);
            int i = 0;
            for (JsonNode item : list.values()) {
                String w = listKey + "[" + i++ + "]";
                requireObject(item, w);
                String name = str(item, "name", w);
                if (out.containsKey(name)) {
                    throw new ConfigException("duplicate name \"" + name + "\" in list", file, listKey, null);
                }
                JsonNode value = item.get(valueKey);
                out.put(name, value == null || value.isNull() ? NODES.objectNode() : value);
            }
            return out;
        }

        Map<String, Object> extensions(JsonNode n, String w) {
            String ew = w.isEmpty() ? "extensions" : w + ".extensions";
            JsonNode list = n.get("extensions");
            if (list == null || list.isNull()) {
                return Map.of();
            }
            requireArray(list, ew);
            Map<String, Object> out = new LinkedHashMap<>();
            int i = 0;
            for (JsonNode item : list.values()) {
                String iw = ew + "[" + i++ + "]";
                requireObject(item, iw);
                String name = str(item, "name", iw);
                if (out.containsKey(name)) {
                    throw new ConfigException("duplicate name \"" + name + "\" in list", file, ew, null);
                }
                JsonNode ext = item.get("extension");
                out.put(name, ext == null || ext.isNull() ? null : Mappers.JSON.treeToValue(ext, Object.class));
            }
            return out;
        }

        JsonNode child(JsonNode n, String key, String w) {
            JsonNode c = n.get(key);
            return c == null || c.isNull() ? null : c;
        }

        String str(JsonNode n, String key, String w) {
            JsonNode c = child(n, key, w);
            if (c == null) {
                return "";
            }
            if (!c.isString()) {
                throw wrongType("a string", c, field(w, key));
            }
            return c.stringValue();
        }

        boolean bool(JsonNode n, String key, String w) {
            JsonNode c = child(n, key, w);
            if (c == null) {
                return false;
            }
            if (!c.isBoolean()) {
                throw wrongType("a boolean", c, field(w, key));
            }
            return c.booleanValue();
        }

        List<String> strings(JsonNode n, String key, String w) {
            JsonNode c = child(n, key, w);
            if (c == null) {
                return List.of();
            }
            requireArray(c, field(w, key));
            List<String> out = new ArrayList<>();
            int i = 0;
            for (JsonNode item : c.values()) {
                if (!item.isString()) {
                    throw wrongType("a string", item, field(w, key) + "[" + i + "]");
                }
                out.add(item.stringValue());
                i++;
            }
            return out;
        }

        byte[] base64(JsonNode n, String key, String w) {
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

        void requireObject(JsonNode n, String w) {
            if (!n.isObject()) {
                throw wrongType("a mapping", n, w);
            }
        }

        void requireArray(JsonNode n, String w) {
            if (!n.isArray()) {
                throw wrongType("a list", n, w);
            }
        }

        private ConfigException wrongType(String expected, JsonNode actual, String field) {
            // Only the node type is reported, never the value.
            return new ConfigException("wrong type: expected " + expected + ", found " + typeName(actual), file, field, null);
        }

        private static String field(String w, String key) {
            return w.isEmpty() ? key : w + "." + key;
        }

        private static String typeName(JsonNode n) {
            return switch (n.getNodeType()) {
                case ARRAY -> "a list";
                case OBJECT, POJO -> "a mapping";
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    // ---- encoding ----

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
