package io.kubeclient.discovery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * One version of a group in aggregated discovery ({@code apidiscovery.k8s.io/v2 APIVersionDiscovery}).
 *
 * @param version the version, such as {@code v1}, required
 * @param resources the resources served in this version, never {@code null}
 * @param freshness whether the server's data for this version is current; absent means current
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record APIVersionDiscovery(String version, List<APIResourceDiscovery> resources, Freshness freshness) {

    public APIVersionDiscovery {
        if (version == null || version.isEmpty()) {
            throw new IllegalArgumentException("version discovery entry is missing \"version\"");
        }
        resources = resources == null ? List.of() : List.copyOf(resources);
        freshness = freshness == null ? Freshness.CURRENT : freshness;
    }

    /**
     * Whether the aggregator could refresh a version's document. Like client-go, only {@code Stale} is
     * special: any other value reads as {@link #CURRENT}.
     */
    public enum Freshness {
        /** Up to date ({@code "Current"}). */
        CURRENT("Current"),
        /** The aggregator could not refresh this version ({@code "Stale"}). */
        STALE("Stale");

        private final String wire;

        Freshness(String wire) {
            this.wire = wire;
        }

        /** The JSON form, {@code Current} or {@code Stale}. */
        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        static Freshness fromWire(String value) {
            return STALE.wire.equals(value) ? STALE : CURRENT;
        }
    }
}
