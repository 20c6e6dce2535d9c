package io.kubeclient.apimachinery.meta;

import java.util.function.BiConsumer;

/**
 * Options for a GET of one object ({@code metav1.GetOptions}).
 *
 * @param resourceVersion {@code ""} for the latest (quorum read), {@code "0"} for any cached version,
 *     or a specific version; null is treated as {@code ""}
 */
public record GetOptions(String resourceVersion) implements QueryParameterEncodable {

    private static final GetOptions EMPTY = new GetOptions("");

    /** Null becomes {@code ""}. */
    public GetOptions {
        resourceVersion = Params.str(resourceVersion);
    }

    /** No options: the latest version. */
    public static GetOptions empty() {
        return EMPTY;
    }

    /** Get at {@code resourceVersion}. */
    public static GetOptions atResourceVersion(String resourceVersion) {
        return new GetOptions(resourceVersion);
    }

    @Override
    public void encodeTo(BiConsumer<String, String> param) {
        if (!resourceVersion.isEmpty()) {
            param.accept("resourceVersion", resourceVersion);
        }
    }
}
