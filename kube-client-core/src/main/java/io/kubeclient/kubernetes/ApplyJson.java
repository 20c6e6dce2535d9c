package io.kubeclient.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubeclient.rest.InvalidRequestException;
import io.kubeclient.rest.KubeJson;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes apply configurations: fabric8 objects holding only the fields their manager owns.
 *
 * <p>fabric8 models initialise some lists and maps to empty containers; sent as {@code []} or
 * {@code {}} they would claim ownership of an empty list, so empty collections and maps are left
 * out, as are {@code null}s. Empty strings and empty objects (such as {@code emptyDir: {}}) are
 * kept: those are values a manager can mean.
 */
final class ApplyJson {

    private static final JsonInclude.Value NON_EMPTY = JsonInclude.Value.construct(
            JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_NULL);

    private static final JsonMapper MAPPER = KubeJson.mapper().rebuild()
            .withConfigOverride(List.class, o -> o.setInclude(NON_EMPTY))
            .withConfigOverride(Collection.class, o -> o.setInclude(NON_EMPTY))
            .withConfigOverride(Set.class, o -> o.setInclude(NON_EMPTY))
            .withConfigOverride(Map.class, o -> o.setInclude(NON_EMPTY))
            .build();

    private ApplyJson() {}

    static byte[] encode(Object applyConfiguration) {
        try {
            return MAPPER.writeValueAsBytes(applyConfiguration);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("unable to encode the apply configuration "
                    + applyConfiguration.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }
}
