package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes discovery documents (legacy and aggregated) into their models, checking the fields discovery
 * relies on. Every failure is a {@link DiscoveryDocumentException} naming the document's source. No
 * I/O: the HTTP discovery client hands bodies and content types in.
 */
final class DiscoveryDocuments {

    /** Accept value asking for aggregated discovery v2. The g, v, as order matters to the server. */
    static final String ACCEPT_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    /** Accept value for legacy discovery. */
    static final String ACCEPT_V1 = "application/json";
    /** Accept value for aggregated discovery with a legacy fallback, as client-go sends today. */
    static final String ACCEPT_AGGREGATED = ACCEPT_V2 + "," + ACCEPT_V1;
    /** Prefix prepended to {@link #ACCEPT_AGGREGATED} to ask for discovery without peer-served resources. */
    static final String ACCEPT_V2_NO_PEER = ACCEPT_V2 + ";profile=nopeer";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DiscoveryDocuments() {}

    /**
     * Whether a response {@code Content-Type} announces aggregated discovery v2: media type
     * {@code application/json} with parameters {@code g=apidiscovery.k8s.io}, {@code v=v2},
     * {@code as=APIGroupDiscoveryList}, in any order and alongside others. Unparseable is {@code false}.
     */
    static boolean isAggregated(String contentType) {
        MediaType mt = MediaType.parse(contentType);
        return mt != null
                && mt.type.equals("application/json")
                && "apidiscovery.k8s.io".equals(mt.params.get("g"))
                && "v2".equals(mt.params.get("v"))
                && "APIGroupDiscoveryList".equals(mt.params.get("as"));
    }

    /**
     * Decodes the answer to {@code /api} ({@code core = true}) or {@code /apis}, aggregated or legacy
     * according to its content type, as client-go's {@code downloadLegacy}/{@code downloadAPIs}.
     *
     * @param source the URL, for error messages
     * @param contentType the response {@code Content-Type}, may be {@code null}
     * @throws DiscoveryDocumentException when the body cannot be read or the content type is neither
     *     JSON nor aggregated discovery v2
     */
    static GroupsAndMaybeResources decodeGroups(String source, String contentType, byte[] body, boolean core) {
        MediaType mt = MediaType.parse(contentType);
        if (contentType != null && !contentType.isBlank()) {
            if (mt == null || !mt.type.equals("application/json")) {
                throw new DiscoveryDocumentException(source,
                        "unexpected content type \"" + contentType + "\" for discovery, expected application/json", null);
            }
            if ("apidiscovery.k8s.io".equals(mt.params.get("g")) && !isAggregated(contentType)) {
                throw new DiscoveryDocumentException(source,
                        "unsupported aggregated discovery content type \"" + contentType
                                + "\", expected v=v2;as=APIGroupDiscoveryList", null);
            }
        }
        if (isAggregated(contentType)) {
            return Discovery.splitGroupsAndResources(parseAggregated(source, body));
        }
        List<APIGroup> groups = core
                ? List.of(Discovery.apiVersionsToAPIGroup(parseAPIVersions(source, body)))
                : parseGroupList(source, body).getGroups();
        return new GroupsAndMaybeResources(groups, null, null);
    }

    /**
     * Combines the answers for {@code /api} and {@code /apis}, as client-go's
     * {@code GroupsAndMaybeResources}: core groups first; resources only when both answers carried them
     * (a 404 on {@code /api} counts as an empty aggregated answer); failures merged.
     */
    static GroupsAndMaybeResources merge(GroupsAndMaybeResources core, GroupsAndMaybeResources apis) {
        List<APIGroup> groups = new ArrayList<>(core.groups());
        groups.addAll(apis.groups());
        Map<GroupVersion, APIResourceList> resources = null;
        if (core.hasResources() && apis.hasResources()) {
            resources = new LinkedHashMap<>(core.resources());
            resources.putAll(apis.resources());
        }
        Map<GroupVersion, RuntimeException> failed = new LinkedHashMap<>(core.failed());
        failed.putAll(apis.failed());
        return new GroupsAndMaybeResources(groups, resources, failed);
    }

    /** What a 404 on {@code /api} means: no core group, and nothing that prevents aggregated results. */
    static GroupsAndMaybeResources coreNotFound() {
        return new GroupsAndMaybeResources(List.of(), Map.of(), Map.of());
    }

    /** Decodes an {@code APIGroupDiscoveryList}. */
    static APIGroupDiscoveryList parseAggregated(String source, byte[] body) {
        JsonNode root = readObject(source, body, "APIGroupDiscoveryList");
        requireArray(source, root, "items", "APIGroupDiscoveryList");
        return convert(source, root, APIGroupDiscoveryList.class, "APIGroupDiscoveryList");
    }

    /** Decodes the legacy {@code /api} answer, an {@code APIVersions}. */
    static APIVersions parseAPIVersions(String source, byte[] body) {
        JsonNode root = readObject(source, body, "APIVersions");
        requireArray(source, root, "versions", "APIVersions");
        for (JsonNode v : root.get("versions").values()) {
            if (!v.isString() || v.stringValue().isEmpty()) {
                throw new DiscoveryDocumentException(source, "APIVersions.versions holds a non-string or empty entry", null);
            }
        }
        return convert(source, root, APIVersions.class, "APIVersions");
    }

    /** Decodes the legacy {@code /apis} answer, an {@code APIGroupList}. */
    static APIGroupList parseGroupList(String source, byte[] body) {
        JsonNode root = readObject(source, body, "APIGroupList");
        requireArray(source, root, "groups", "APIGroupList");
        int i = 0;
        for (JsonNode group : root.get("groups").values()) {
            String where = "APIGroupList.groups[" + i++ + "]";
            requireString(source, group, "name", where);
            requireArray(source, group, "versions", where);
            int j = 0;
            for (JsonNode version : group.get("versions").values()) {
                String vWhere = where + ".versions[" + j++ + "]";
                requireString(source, version, "groupVersion", vWhere);
                requireString(source, version, "version", vWhere);
            }
        }
        return convert(source, root, APIGroupList.class, "APIGroupList");
    }

    /**
     * Decodes an {@code APIResourceList}; a missing {@code groupVersion} is filled in with the one
     * asked for.
     */
    static APIResourceList parseResourceList(String source, byte[] body, String groupVersion) {
        JsonNode root = readObject(source, body, "APIResourceList");
        requireArray(source, root, "resources", "APIResourceList");
        int i = 0;
        for (JsonNode resource : root.get("resources").values()) {
            String where = "APIResourceList.resources[" + i++ + "]";
            requireString(source, resource, "name", where);
            requireString(source, resource, "kind", where);
        }
        APIResourceList list = convert(source, root, APIResourceList.class, "APIResourceList");
        if (list.getGroupVersion() == null || list.getGroupVersion().isEmpty()) {
            list.setGroupVersion(groupVersion);
        }
        return list;
    }

    /** Decodes the {@code /version} document. */
    static VersionInfo parseVersion(String source, byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new DiscoveryDocumentException(source, "unable to parse the server version: not a JSON object", null);
            }
            return MAPPER.treeToValue(root, VersionInfo.class);
        } catch (JacksonException e) {
            throw new DiscoveryDocumentException(source, "unable to parse the server version: " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes the {@code /openapi/v3} index into path to server-relative URL. */
    static Map<String, String> parseOpenAPIV3Paths(String source, byte[] body) {
        JsonNode root = readObject(source, body, "OpenAPI v3 index");
        JsonNode paths = root.get("paths");
        if (paths == null || !paths.isObject()) {
            throw new DiscoveryDocumentException(source, "OpenAPI v3 index is missing the \"paths\" object", null);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : paths.properties()) {
            requireString(source, e.getValue(), "serverRelativeURL", "OpenAPI v3 index paths[\"" + e.getKey() + "\"]");
            result.put(e.getKey(), e.getValue().get("serverRelativeURL").stringValue());
        }
        return result;
    }

    private static JsonNode readObject(String source, byte[] body, String what) {
        if (body == null || body.length == 0) {
            throw new DiscoveryDocumentException(source, "empty body, expected a JSON " + what, null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new DiscoveryDocumentException(source, "malformed JSON in " + what + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DiscoveryDocumentException(source, "expected a JSON object for " + what, null);
        }
        return root;
    }

    private static <T> T convert(String source, JsonNode root, Class<T> type, String what) {
        try {
            return MAPPER.treeToValue(root, type);
        } catch (DatabindException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String detail = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new DiscoveryDocumentException(source, "invalid " + what + " at " + path(e) + ": " + detail, e);
        } catch (JacksonException e) {
            throw new DiscoveryDocumentException(source, "invalid " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String path(DatabindException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append('.').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static void requireArray(String source, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new DiscoveryDocumentException(source, where + " is missing the \"" + field + "\" array", null);
        }
    }

    private static void requireString(String source, JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isString() || value.stringValue().isEmpty()) {
            throw new DiscoveryDocumentException(source, where + " is missing \"" + field + "\"", null);
        }
    }

    /** Just enough of RFC 7231 media type parsing for content negotiation. */
    private record MediaType(String type, Map<String, String> params) {

        static MediaType parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] parts = value.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    return null;
                }
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                params.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), v);
            }
            return new MediaType(type, params);
        }
    }
}
