package io.kubeclient.testing;

import java.util.List;
import java.util.Map;

/**
 * Which lists are merged element by element (and on which key) by strategic merge patch and server-side
 * apply. Built-in types follow the Kubernetes API's {@code patchMergeKey} tags for the common core and apps
 * lists; every other list, and every list of a custom resource, is atomic (replaced whole).
 */
final class MergeKeys {

    private static final Map<String, String> BY_FIELD = Map.ofEntries(
            Map.entry("containers", "name"), Map.entry("initContainers", "name"),
            Map.entry("ephemeralContainers", "name"), Map.entry("env", "name"), Map.entry("volumes", "name"),
            Map.entry("volumeMounts", "mountPath"), Map.entry("volumeDevices", "devicePath"),
            Map.entry("imagePullSecrets", "name"), Map.entry("conditions", "type"),
            Map.entry("hostAliases", "ip"), Map.entry("resourceClaims", "name"),
            Map.entry("topologySpreadConstraints", "topologyKey"), Map.entry("addresses", "type"),
            Map.entry("containerStatuses", "name"), Map.entry("initContainerStatuses", "name"));

    private MergeKeys() {
    }

    /**
     * The merge key of the list at {@code path} (field names from the root, list positions left out), or
     * {@code null} when the list is atomic or a set of primitives.
     */
    static String of(ResourceType rt, List<String> path) {
        String field = path.get(path.size() - 1);
        if (path.size() == 2 && path.get(0).equals("metadata") && field.equals("ownerReferences")) {
            return "uid";
        }
        if (!rt.builtIn()) {
            return null;
        }
        if (field.equals("ports")) {
            if (path.size() == 2 && path.get(0).equals("spec") && rt.kind().equals("Service")) {
                return "port";
            }
            return path.contains("containers") || path.contains("initContainers") ? "containerPort" : null;
        }
        if (field.equals("addresses") && !(path.size() == 2 && path.get(0).equals("status"))) {
            return null;
        }
        return BY_FIELD.get(field);
    }

    /** Whether the list at {@code path} is a set of primitives merged by value ({@code metadata.finalizers}). */
    static boolean isSet(List<String> path) {
        return path.size() == 2 && path.get(0).equals("metadata") && path.get(1).equals("finalizers");
    }
}
