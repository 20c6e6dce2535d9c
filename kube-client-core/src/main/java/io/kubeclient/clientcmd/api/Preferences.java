package io.kubeclient.clientcmd.api;

import java.util.Map;

/**
 * The deprecated, unused {@code preferences} block, kept so that files round-trip.
 *
 * @param colors the {@code colors} flag
 * @param extensions extra information, by name
 */
public record Preferences(boolean colors, Map<String, Object> extensions) {

    /** No preferences. */
    public static final Preferences EMPTY = new Preferences(false, Map.of());

    public Preferences {
        extensions = Immutables.map(extensions);
    }
}
