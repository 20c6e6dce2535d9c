package io.kubeclient.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who to act as, sent as {@code Impersonate-*} headers.
 *
 * @param userName the user to impersonate, or empty
 * @param uid the user's UID, or empty
 * @param groups the groups to impersonate
 * @param extra extra fields, each with one or more values
 */
public record ImpersonationConfig(String userName, String uid, List<String> groups, Map<String, List<String>> extra) {

    /** No impersonation. */
    public static final ImpersonationConfig NONE = new ImpersonationConfig("", "", List.of(), Map.of());

    public ImpersonationConfig {
        userName = userName == null ? "" : userName;
        uid = uid == null ? "" : uid;
        groups = groups == null ? List.of() : List.copyOf(groups);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (extra != null) {
            extra.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "extra key"), List.copyOf(v)));
        }
        extra = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether any impersonation is configured. */
    public boolean isEmpty() {
        return userName.isEmpty() && uid.isEmpty() && groups.isEmpty() && extra.isEmpty();
    }
}
