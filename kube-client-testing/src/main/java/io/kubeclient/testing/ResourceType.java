package io.kubeclient.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One resource the fake API server serves: its group, version, kind, plural and scope, and which of the
 * {@code status} and {@code scale} subresources it has.
 *
 * @param group the API group, empty for the core group
 * @param version the version, such as {@code v1}
 * @param kind the kind, such as {@code Pod}
 * @param plural the resource name used in URLs, such as {@code pods}
 * @param singular the singular resource name, such as {@code pod}
 * @param namespaced whether objects live in a namespace
 * @param statusSubresource whether {@code status} is only writable through {@code /status}
 * @param scaleSubresource whether {@code /scale} is served (reading and writing {@code spec.replicas})
 * @param shortNames short names announced by discovery
 */
public record ResourceType(String group, String version, String kind, String plural, String singular,
        boolean namespaced, boolean statusSubresource, boolean scaleSubresource, List<String> shortNames) {

    private static final Map<String, List<String>> SHORT_NAMES = Map.ofEntries(
            Map.entry("pods", List.of("po")), Map.entry("services", List.of("svc")),
            Map.entry("configmaps", List.of("cm")), Map.entry("namespaces", List.of("ns")),
            Map.entry("nodes", List.of("no")), Map.entry("events", List.of("ev")),
            Map.entry("serviceaccounts", List.of("sa")), Map.entry("persistentvolumeclaims", List.of("pvc")),
            Map.entry("persistentvolumes", List.of("pv")), Map.entry("endpoints", List.of("ep")),
            Map.entry("replicationcontrollers", List.of("rc")), Map.entry("deployments", List.of("deploy")),
            Map.entry("statefulsets", List.of("sts")), Map.entry("replicasets", List.of("rs")),
            Map.entry("daemonsets", List.of("ds")), Map.entry("cronjobs", List.of("cj")));

    public ResourceType {
        Objects.requireNonNull(group, "group");
        requireNonEmpty(version, "version");
        requireNonEmpty(kind, "kind");
        requireNonEmpty(plural, "plural");
        singular = singular == null || singular.isEmpty() ? kind.toLowerCase(Locale.ROOT) : singular;
        shortNames = List.copyOf(shortNames == null ? List.of() : shortNames);
        if (!plural.equals(plural.toLowerCase(Locale.ROOT)) || plural.contains("/")) {
            throw new IllegalArgumentException("plural must be a lower-case resource name: " + plural);
        }
    }

    /**
     * The resource described by a fabric8 model class, from its {@code @Group}, {@code @Version},
     * {@code @Kind} and {@code @Plural} annotations; namespaced when it implements {@link Namespaced}.
     * The status subresource is assumed when the class has a {@code getStatus()} method, and scale when its
     * spec has {@code getReplicas()}.
     */
    public static ResourceType of(Class<? extends HasMetadata> type) {
        String group = HasMetadata.getGroup(type);
        String plural = HasMetadata.getPlural(type);
        boolean status = hasMethod(type, "getStatus");
        boolean scale = false;
        try {
            Class<?> spec = type.getMethod("getSpec").getReturnType();
            scale = hasMethod(spec, "getReplicas");
        } catch (NoSuchMethodException e) {
            // no spec, no scale
        }
        return new ResourceType(group == null ? "" : group, HasMetadata.getVersion(type), HasMetadata.getKind(type),
                plural, HasMetadata.getSingular(type), Namespaced.class.isAssignableFrom(type), status, scale,
                SHORT_NAMES.getOrDefault(plural, List.of()));
    }

    /** A custom resource without subresources; add them with {@link #withStatus()} and {@link #withScale()}. */
    public static ResourceType custom(String group, String version, String kind, String plural, boolean namespaced) {
        return new ResourceType(group, version, kind, plural, kind.toLowerCase(Locale.ROOT), namespaced, false, false,
                List.of());
    }

    /** A copy with the status subresource. */
    public ResourceType withStatus() {
        return new ResourceType(group, version, kind, plural, singular, namespaced, true, scaleSubresource,
                shortNames);
    }

    /** A copy with the scale subresource. */
    public ResourceType withScale() {
        return new ResourceType(group, version, kind, plural, singular, namespaced, statusSubresource, true,
                shortNames);
    }

    /** {@code group/version}, or just the version for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code plural.group}, or just the plural for the core group, as in error messages. */
    public String groupResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** The URL prefix of the collection without namespace, such as {@code /apis/apps/v1}. */
    String apiPrefix() {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    boolean builtIn() {
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static boolean hasMethod(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static void requireNonEmpty(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
