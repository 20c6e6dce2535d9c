package io.kubeclient.discovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A subresource (such as {@code status} or {@code scale}) in aggregated discovery
 * ({@code apidiscovery.k8s.io/v2 APISubresourceDiscovery}).
 *
 * @param subresource the subresource name, without its parent
 * @param responseKind the kind returned by the subresource, may be {@code null}
 * @param acceptedTypes the kinds the subresource accepts, never {@code null}
 * @param verbs the supported verbs, never {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record APISubresourceDiscovery(
        String subresource,
        DiscoveryGroupVersionKind responseKind,
        List<DiscoveryGroupVersionKind> acceptedTypes,
        List<String> verbs) {

    public APISubresourceDiscovery {
        if (subresource == null || subresource.isEmpty()) {
            throw new IllegalArgumentException("subresource discovery entry is missing \"subresource\"");
        }
        acceptedTypes = acceptedTypes == null ? List.of() : List.copyOf(acceptedTypes);
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
    }
}
