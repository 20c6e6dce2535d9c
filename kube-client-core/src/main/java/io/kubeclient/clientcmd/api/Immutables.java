package io.kubeclient.clientcmd.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that keep insertion order and allow {@code null} extension values. */
final class Immutables {

    private Immutables() {}

    static String str(String s) {
        return s == null ? "" : s;
    }

    static <V> Map<String, V> map(Map<String, V> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    static <V> List<V> list(List<V> l) {
        if (l == null || l.isEmpty()) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(l));
    }

    static Map<String, List<String>> multimap(Map<String, List<String>> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k, list(v)));
        return Collections.unmodifiableMap(copy);
    }

    static byte[] bytes(byte[] b) {
        return b == null || b.length == 0 ? null : b.clone();
    }
}
