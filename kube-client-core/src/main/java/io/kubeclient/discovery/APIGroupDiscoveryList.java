package io.kubeclient.discovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The aggregated discovery document served at {@code /api} and {@code /apis} when asked for
 * {@code application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList}.
 *
 * @param items the groups in server order, never {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record APIGroupDiscoveryList(List<APIGroupDiscovery> items) {

    public APIGroupDiscoveryList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
