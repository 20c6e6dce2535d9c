package io.kubeclient.testing;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Legacy and aggregated (v2) discovery documents built from the registry. */
final class Discovery {

    static final String AGGREGATED_CONTENT_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");
    private static final List<String> SUB_VERBS = List.of("get", "patch", "update");

    private Discovery() {
    }

    static boolean wantsAggregated(String accept) {
        return accept != null && accept.contains("g=apidiscovery.k8s.io") && accept.contains("v=v2;")
                && accept.contains("as=APIGroupDiscoveryList");
    }

    static ObjectNode apiVersions(String serverAddress) {
        ObjectNode o = F.objectNode();
        o.put("kind", "APIVersions");
        o.putArray("versions").add("v1");
        ObjectNode cidr = o.putArray("serverAddressByClientCIDRs").addObject();
        cidr.put("clientCIDR", "0.0.0.0/0");
        cidr.put("serverAddress", serverAddress);
        return o;
    }

    static ObjectNode groupList(Registry registry) {
        ObjectNode o = F.objectNode();
        o.put("kind", "APIGroupList");
        o.put("apiVersion", "v1");
        ArrayNode groups = o.putArray("groups");
        registry.groups().forEach((g, versions) -> {
            if (!g.isEmpty()) {
                groups.add(group(g, versions));
            }
        });
        return o;
    }

    static ObjectNode group(String g, Map<String, List<ResourceType>> versions) {
        ObjectNode grp = F.objectNode();
        grp.put("kind", "APIGroup");
        grp.put("apiVersion", "v1");
        grp.put("name", g);
        ArrayNode vs = grp.putArray("versions");
        versions.keySet().forEach(v -> vs.addObject().put("groupVersion", g + "/" + v).put("version", v));
        grp.set("preferredVersion", vs.get(0).deepCopy());
        return grp;
    }

    static ObjectNode resourceList(String groupVersion, List<ResourceType> types) {
        ObjectNode o = F.objectNode();
        o.put("kind", "APIResourceList");
        o.put("apiVersion", "v1");
        o.put("groupVersion", groupVersion);
        ArrayNode rs = o.putArray("resources");
        for (ResourceType rt : types) {
            ObjectNode r = rs.addObject();
            r.put("name", rt.plural());
            r.put("singularName", rt.singular());
            r.put("namespaced", rt.namespaced());
            r.put("kind", rt.kind());
            VERBS.forEach(r.putArray("verbs")::add);
            if (!rt.shortNames().isEmpty()) {
                rt.shortNames().forEach(r.putArray("shortNames")::add);
            }
            if (rt.statusSubresource()) {
                ObjectNode s = rs.addObject();
                s.put("name", rt.plural() + "/status");
                s.put("singularName", "");
                s.put("namespaced", rt.namespaced());
                s.put("kind", rt.kind());
                SUB_VERBS.forEach(s.putArray("verbs")::add);
            }
            if (rt.scaleSubresource()) {
                ObjectNode s = rs.addObject();
                s.put("name", rt.plural() + "/scale");
                s.put("singularName", "");
                s.put("namespaced", rt.namespaced());
                s.put("group", "autoscaling");
                s.put("version", "v1");
                s.put("kind", "Scale");
                SUB_VERBS.forEach(s.putArray("verbs")::add);
            }
        }
        return o;
    }

    /** {@code APIGroupDiscoveryList} for {@code /api} (core only) or {@code /apis} (every other group). */
    static ObjectNode aggregated(Registry registry, boolean core) {
        ObjectNode o = F.objectNode();
        o.put("kind", "APIGroupDiscoveryList");
        o.put("apiVersion", "apidiscovery.k8s.io/v2");
        o.putObject("metadata");
        ArrayNode items = o.putArray("items");
        registry.groups().forEach((g, versions) -> {
            if (g.isEmpty() != core) {
                return;
            }
            ObjectNode item = items.addObject();
            item.putObject("metadata").put("name", g);
            ArrayNode vs = item.putArray("versions");
            versions.forEach((v, types) -> {
                ObjectNode ver = vs.addObject();
                ver.put("version", v);
                ArrayNode rs = ver.putArray("resources");
                for (ResourceType rt : types) {
                    ObjectNode r = rs.addObject();
                    r.put("resource", rt.plural());
                    kind(r.putObject("responseKind"), rt.group(), rt.version(), rt.kind());
                    r.put("scope", rt.namespaced() ? "Namespaced" : "Cluster");
                    r.put("singularResource", rt.singular());
                    VERBS.forEach(r.putArray("verbs")::add);
                    if (!rt.shortNames().isEmpty()) {
                        rt.shortNames().forEach(r.putArray("shortNames")::add);
                    }
                    if (rt.statusSubresource() || rt.scaleSubresource()) {
                        ArrayNode subs = r.putArray("subresources");
                        if (rt.statusSubresource()) {
                            ObjectNode s = subs.addObject();
                            s.put("subresource", "status");
                            kind(s.putObject("responseKind"), rt.group(), rt.version(), rt.kind());
                            SUB_VERBS.forEach(s.putArray("verbs")::add);
                        }
                        if (rt.scaleSubresource()) {
                            ObjectNode s = subs.addObject();
                            s.put("subresource", "scale");
                            kind(s.putObject("responseKind"), "autoscaling", "v1", "Scale");
                            SUB_VERBS.forEach(s.putArray("verbs")::add);
                        }
                    }
                }
                ver.put("freshness", "Current");
            });
        });
        return o;
    }

    private static void kind(ObjectNode o, String group, String version, String kind) {
        o.put("group", group);
        o.put("version", version);
        o.put("kind", kind);
    }

    static ObjectNode version() {
        ObjectNode o = F.objectNode();
        o.put("major", "1");
        o.put("minor", "34");
        o.put("gitVersion", "v1.34.0-kubeclient-fake");
        o.put("gitCommit", "0000000000000000000000000000000000000000");
        o.put("gitTreeState", "clean");
        o.put("buildDate", "2025-01-01T00:00:00Z");
        o.put("goVersion", "go1.24");
        o.put("compiler", "gc");
        o.put("platform", "linux/amd64");
        return o;
    }
}
