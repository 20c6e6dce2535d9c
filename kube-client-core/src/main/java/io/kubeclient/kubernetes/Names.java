package io.kubeclient.kubernetes;

import io.kubeclient.apimachinery.validation.Validation;
import io.kubeclient.rest.InvalidRequestException;
import java.util.List;

/** Checks object names and namespaces before they become URL path segments. */
final class Names {

    private Names() {}

    /**
     * An object name must be non-empty and a valid path segment (client-go's
     * {@code IsValidPathSegmentName}): not {@code .} or {@code ..}, no {@code /} or {@code %}.
     * Stricter per-kind rules (DNS subdomain, label) are left to the server, which knows them.
     */
    static String checkName(String name, String resource) {
        if (name == null || name.isEmpty()) {
            throw new InvalidRequestException("a name is required to access " + resource + ", but it is "
                    + (name == null ? "null" : "empty"));
        }
        String problem = null;
        if (name.equals(".") || name.equals("..")) {
            problem = "may not be '" + name + "'";
        } else if (name.indexOf('/') >= 0) {
            problem = "may not contain '/'";
        } else if (name.indexOf('%') >= 0) {
            problem = "may not contain '%'";
        }
        if (problem != null) {
            throw new InvalidRequestException("invalid name \"" + name + "\" for " + resource + ": " + problem);
        }
        return name;
    }

    /** A namespace is empty (all namespaces) or a DNS-1123 label. */
    static String checkNamespace(String namespace) {
        if (namespace == null) {
            throw new InvalidRequestException("namespace may not be null; use \"\" for all namespaces");
        }
        if (!namespace.isEmpty()) {
            List<String> problems = Validation.isDNS1123Label(namespace);
            if (!problems.isEmpty()) {
                throw new InvalidRequestException("invalid namespace \"" + namespace + "\": " + String.join("; ", problems));
            }
        }
        return namespace;
    }
}
