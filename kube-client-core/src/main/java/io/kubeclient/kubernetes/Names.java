package io.kubeclient.kubernetes;

import io.kubeclient.apimachinery.schema.GroupVersion;
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
        String problem = segmentProblem(name);
        if (problem != null) {
            throw new InvalidRequestException("invalid name \"" + name + "\" for " + resource + ": " + problem);
        }
        return name;
    }

    /**
     * The group (empty for the core group) and the version become segments of the API path, which is
     * cleaned: {@code ..} there would silently address another group or resource.
     */
    static GroupVersion checkGroupVersion(GroupVersion gv) {
        String problem = gv.group().isEmpty() ? null : segmentProblem(gv.group());
        String what = "group";
        if (problem == null) {
            problem = gv.version().isEmpty() ? "may not be empty" : segmentProblem(gv.version());
            what = "version";
        }
        if (problem != null) {
            throw new InvalidRequestException("invalid " + what + " in group/version \"" + gv + "\": " + problem);
        }
        return gv;
    }

    private static String segmentProblem(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            return "may not be '" + segment + "'";
        } else if (segment.indexOf('/') >= 0) {
            return "may not contain '/'";
        } else if (segment.indexOf('%') >= 0) {
            return "may not contain '%'";
        }
        return null;
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
