package io.kubeclient.apimachinery.patch;

import java.util.List;
import java.util.Optional;

/** The {@link PatchMeta} of a field nothing is known about. */
enum NoPatchMeta implements PatchMeta {
    INSTANCE;

    @Override
    public PatchMeta field(String name) {
        return this;
    }

    @Override
    public List<String> patchStrategies() {
        return List.of();
    }

    @Override
    public Optional<String> patchMergeKey() {
        return Optional.empty();
    }

    @Override
    public Optional<String> listType() {
        return Optional.empty();
    }

    @Override
    public List<String> listMapKeys() {
        return List.of();
    }
}
