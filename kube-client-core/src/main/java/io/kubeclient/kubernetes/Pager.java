package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.meta.ListOptions;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Walks a list page by page, following {@code continue} tokens, fetching each page only when needed. */
final class Pager<T extends HasMetadata, L extends KubernetesResourceList<T>> implements Iterator<T> {

    private final ResourceClient<T, L> client;
    private final ListOptions options;
    private Iterator<T> page = Collections.emptyIterator();
    private String continueToken;
    private boolean last;
    private int pages;

    Pager(ResourceClient<T, L> client, ListOptions options) {
        this.client = client;
        this.options = options.limit() > 0 ? options
                : options.toBuilder().limit(ResourceClient.DEFAULT_PAGE_SIZE).build();
        this.continueToken = options.continueToken();
    }

    Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public boolean hasNext() {
        // A page may be empty yet carry a continue token, so keep fetching until items or the end.
        while (!page.hasNext() && !last) {
            fetch();
        }
        return page.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }

    private void fetch() {
        ListOptions.Builder b = options.toBuilder().continueToken(continueToken == null ? "" : continueToken);
        if (pages > 0) {
            // The continue token pins the snapshot; the server rejects a resourceVersion alongside it.
            b.resourceVersion("").resourceVersionMatch(null);
        }
        ListOptions pageOptions = b.build();
        L list;
        try {
            list = client.list(pageOptions);
        } catch (RuntimeException e) {
            if (continueToken != null && !continueToken.isEmpty()
                    && (Errors.isResourceExpired(e) || Errors.isGone(e))) {
                throw new PaginationExpiredException("listing " + client.resource + " expired after " + pages
                        + " page(s): the server no longer holds the snapshot the continue token refers to;"
                        + " list again from the start", e);
            }
            throw e;
        }
        pages++;
        List<T> items = list.getItems();
        page = items == null ? Collections.emptyIterator() : items.iterator();
        ListMeta meta = list.getMetadata();
        continueToken = meta == null ? null : meta.getContinue();
        last = continueToken == null || continueToken.isEmpty();
    }
}
