package io.kubeclient.apimachinery.patch;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patches (RFC 7386, {@code application/merge-patch+json}): computes the smallest patch
 * turning one object into another and applies patches locally.
 *
 * <p>Objects are recursed into, removed members become {@code null}, arrays are replaced whole.
 * Every method accepts {@link JsonNode} trees or model objects (for example fabric8 {@code Pod}s),
 * which are converted with a mapper that honours their {@code @JsonInclude} settings. Inputs are
 * never modified.
 */
public final class MergePatch {

    private MergePatch() {}

    /**
     * The merge patch that turns {@code original} into {@code modified}; an empty object when they are equal.
     * A {@code null} member in {@code modified} deletes the member (merge patches cannot set {@code null}).
     *
     * @throws IncompatibleObjectsException when the objects differ in {@code kind} or {@code apiVersion}
     */
    public static JsonNode create(Object original, Object modified) {
        JsonNode a = Trees.toTree(original, "original");
        JsonNode b = Trees.toTree(modified, "modified");
        Trees.requireSameKind(a, b);
        if (a.isObject() && b.isObject()) {
            return diff(a, b);
        }
        return b.deepCopy();
    }

    /**
     * Like {@link #create} but also sets {@code metadata.resourceVersion} to the original's, so the
     * server rejects the patch with a conflict if the object changed since it was read (client-go's
     * {@code MergeFromWithOptimisticLock}).
     *
     * @throws InvalidPatchException when the original has no {@code metadata.resourceVersion}
     */
    public static ObjectNode createWithOptimisticLock(Object original, Object modified) {
        JsonNode a = Trees.toTree(original, "original");
        JsonNode rv = a.path("metadata").path("resourceVersion");
        if (!rv.isString() || rv.stringValue().isEmpty()) {
            throw new InvalidPatchException("original object has no metadata.resourceVersion: "
                    + "an optimistic-lock patch needs the object as read from the server");
        }
        JsonNode patch = create(a, modified);
        if (!patch.isObject()) {
            throw new InvalidPatchException("an optimistic-lock patch needs JSON objects, got " + patch.getNodeType());
        }
        ObjectNode result = (ObjectNode) patch;
        JsonNode metadata = result.get("metadata");
        if (!(metadata instanceof ObjectNode)) {
            metadata = result.putObject("metadata");
        }
        ((ObjectNode) metadata).put("resourceVersion", rv.stringValue());
        return result;
    }

    /**
     * Applies a merge patch to {@code target} and returns the result, of the same type as {@code target}
     * (a tree for a tree, a model object converted through the mapper otherwise).
     */
    public static <T> T apply(T target, JsonNode patch) {
        JsonNode tree = Trees.toTree(target, "target");
        if (patch == null) {
            throw new InvalidPatchException("merge patch must not be null");
        }
        JsonNode merged = merge(tree.deepCopy(), patch);
        return Trees.fromTree(merged, target);
    }

    private static ObjectNode diff(JsonNode original, JsonNode modified) {
        ObjectNode patch = Trees.object();
        for (Map.Entry<String, JsonNode> e : original.properties()) {
            if (!modified.has(e.getKey()) && !e.getValue().isNull()) {
                patch.putNull(e.getKey());
            }
        }
        for (Map.Entry<String, JsonNode> e : modified.properties()) {
            String key = e.getKey();
            JsonNode b = e.getValue();
            JsonNode a = original.get(key);
            if (a == null) {
                if (!b.isNull()) {
                    patch.set(key, b.deepCopy());
                }
            } else if (a.isObject() && b.isObject()) {
                ObjectNode sub = diff(a, b);
                if (!sub.isEmpty()) {
                    patch.set(key, sub);
                }
            } else if (!Trees.jsonEquals(a, b)) {
                patch.set(key, b.deepCopy());
            }
        }
        return patch;
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : Trees.object();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }
}
