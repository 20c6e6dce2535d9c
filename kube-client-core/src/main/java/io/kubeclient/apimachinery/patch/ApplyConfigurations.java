package io.kubeclient.apimachinery.patch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serialises apply configurations for server-side apply: fabric8 model objects (or trees) holding only
 * the fields their field manager wants to own.
 *
 * <p>fabric8 8.0 model classes initialise their lists to empty {@code ArrayList}s, box every primitive,
 * and annotate classes with {@code @JsonInclude(NON_NULL)} and collections with
 * {@code @JsonInclude(NON_EMPTY)}, which wins over any mapper default; the mapper here also excludes
 * nulls for types without annotations. So a partially built object emits only what was set. The
 * consequence: an apply configuration cannot express an explicitly empty list or map (to own and clear
 * one, send a tree instead of a model object).
 */
public final class ApplyConfigurations {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private ApplyConfigurations() {}

    /** The JSON body of an apply request ({@code application/apply-patch+yaml} accepts JSON). */
    public static String toApplyJson(Object applyConfiguration) {
        Objects.requireNonNull(applyConfiguration, "object provided to Apply must not be null");
        return MAPPER.writeValueAsString(toApplyTree(applyConfiguration));
    }

    /** The apply configuration as a tree, with only the fields that were set. */
    public static ObjectNode toApplyTree(Object applyConfiguration) {
        Objects.requireNonNull(applyConfiguration, "object provided to Apply must not be null");
        JsonNode tree = applyConfiguration instanceof JsonNode node ? node.deepCopy()
                : MAPPER.valueToTree(applyConfiguration);
        if (!tree.isObject()) {
            throw new InvalidPatchException("an apply configuration must be a JSON object, got " + tree.getNodeType());
        }
        return (ObjectNode) tree;
    }
}
