package io.kubeclient.apimachinery.meta;

/** The kinds of PATCH body, each sent as its {@code Content-Type}. */
public enum PatchType {
    /** RFC 6902 JSON patch (an array of operations). */
    JSON("application/json-patch+json"),
    /** RFC 7386 JSON merge patch. */
    MERGE("application/merge-patch+json"),
    /** Kubernetes strategic merge patch (built-in types only; custom resources answer 415). */
    STRATEGIC_MERGE("application/strategic-merge-patch+json"),
    /** Server-side apply with a YAML (or JSON) body. */
    APPLY("application/apply-patch+yaml"),
    /** Server-side apply with a CBOR body (only where the server enables CBOR). */
    APPLY_CBOR("application/apply-patch+cbor");

    private final String contentType;

    PatchType(String contentType) {
        this.contentType = contentType;
    }

    /** The media type for the {@code Content-Type} header. */
    public String contentType() {
        return contentType;
    }
}
