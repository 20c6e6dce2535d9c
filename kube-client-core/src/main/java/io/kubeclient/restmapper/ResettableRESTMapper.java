package io.kubeclient.restmapper;

/** A {@link RESTMapper} holding cached state that {@link #reset()} drops, as client-go's {@code ResettableRESTMapper}. */
public interface ResettableRESTMapper extends RESTMapper {

    /** Drops cached state; the next call rebuilds it. */
    void reset();
}
