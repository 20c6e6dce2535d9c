package io.kubeclient.apimachinery.meta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Options that travel as URL query parameters, the way client-go's {@code VersionedParams} flattens
 * them: JSON field names, unset fields omitted, one parameter per value for lists such as
 * {@code dryRun}.
 */
public interface QueryParameterEncodable {

    /**
     * Emits each parameter as a name and an unescaped value, in field order; a name repeats for each
     * value of a list.
     */
    void encodeTo(BiConsumer<String, String> param);

    /** The parameters as an ordered, unmodifiable map from name to values. */
    default Map<String, List<String>> toQueryParameters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        encodeTo((name, value) -> out.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        out.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(out);
    }
}
