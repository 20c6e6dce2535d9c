package io.kubeclient.restmapper;

import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupResource;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** client-go's string forms of schema types, used in error messages. */
final class Names {

    private Names() {}

    static String gvr(GroupVersionResource r) {
        return r.group() + "/" + r.version() + ", Resource=" + r.resource();
    }

    static String gvk(GroupVersionKind k) {
        return k.group() + "/" + k.version() + ", Kind=" + k.kind();
    }

    static String gr(GroupResource r) {
        return r.group().isEmpty() ? r.resource() : r.resource() + "." + r.group();
    }

    static String gk(GroupKind k) {
        return k.group().isEmpty() ? k.kind() : k.kind() + "." + k.group();
    }

    /** A list as Go's {@code %v} prints a slice: {@code [a b c]}. */
    static <T> String list(List<T> items, Function<T, String> format) {
        return items.stream().map(format).collect(Collectors.joining(" ", "[", "]"));
    }
}
