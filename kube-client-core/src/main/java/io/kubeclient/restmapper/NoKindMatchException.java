package io.kubeclient.restmapper;

import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** No version of a kind is known, as client-go's {@code NoKindMatchError}. */
public class NoKindMatchException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final transient GroupKind groupKind;
    private final transient List<String> searchedVersions;

    public NoKindMatchException(GroupKind groupKind, List<String> searchedVersions) {
        super(message(groupKind, searchedVersions));
        this.groupKind = groupKind;
        this.searchedVersions = List.copyOf(searchedVersions);
    }

    private static String message(GroupKind gk, List<String> versions) {
        TreeSet<String> searched = versions.stream()
                .map(v -> new GroupVersion(gk.group(), v).toString())
                .collect(Collectors.toCollection(TreeSet::new));
        return switch (searched.size()) {
            case 0 -> "no matches for kind \"" + gk.kind() + "\" in group \"" + gk.group() + "\"";
            case 1 -> "no matches for kind \"" + gk.kind() + "\" in version \"" + searched.first() + "\"";
            default -> "no matches for kind \"" + gk.kind() + "\" in versions "
                    + searched.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" ", "[", "]"));
        };
    }

    /** The kind that was looked up. */
    public GroupKind groupKind() {
        return groupKind;
    }

    /** The versions that were searched, possibly none. */
    public List<String> searchedVersions() {
        return searchedVersions;
    }
}
