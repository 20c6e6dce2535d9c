package io.kubeclient.restmapper;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupResource;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.discovery.DiscoveryInterface;
import io.kubeclient.discovery.GroupDiscoveryFailedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands short resource names ({@code po}, {@code deploy}, {@code svc}, ...) before asking a delegate
 * mapper, as client-go's {@code restmapper.NewShortcutExpander}. Short names come only from discovery
 * ({@code shortNames}), read on every expansion.
 *
 * <p>A name that is some resource's full or singular name is left alone. Otherwise the first short name
 * match in discovery order wins and becomes {@code {group, resource}} (the version is dropped); other
 * resources claiming the same short name are reported once each to the warning handler. With a group
 * given, a short name of a group starting with it is tried last.
 */
public final class ShortcutExpander implements ResettableRESTMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ShortcutExpander.class);

    private record Shortcut(GroupResource shortForm, GroupResource longForm) {}

    private final RESTMapper delegate;
    private final DiscoveryInterface discovery;
    private final Consumer<String> warningHandler;

    /**
     * @param delegate the mapper to ask with expanded names
     * @param discovery where short names come from
     * @param warningHandler receives ambiguity warnings; may be {@code null}
     */
    public ShortcutExpander(RESTMapper delegate, DiscoveryInterface discovery, Consumer<String> warningHandler) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.warningHandler = warningHandler == null ? w -> {} : warningHandler;
    }

    private List<APIResourceList> resourceLists() {
        try {
            return discovery.serverGroupsAndResources().resources();
        } catch (GroupDiscoveryFailedException e) {
            LOG.debug("Partial discovery information: {}", e.getMessage());
            return e.partialResources();
        } catch (RuntimeException e) {
            LOG.debug("Error loading discovery information: {}", e.getMessage());
            return List.of();
        }
    }

    /** {@code resource} with a short name replaced by the full group and resource it stands for. */
    GroupVersionResource expand(GroupVersionResource resource) {
        List<APIResourceList> lists = resourceLists();
        List<Shortcut> shortcuts = new ArrayList<>();
        for (APIResourceList list : lists) {
            GroupVersion gv;
            try {
                gv = GroupVersion.parse(list.getGroupVersion() == null ? "" : list.getGroupVersion());
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (APIResource r : list.getResources()) {
                boolean inGroup = resource.group().isEmpty() || resource.group().equals(gv.group());
                if (inGroup && (resource.resource().equals(r.getName())
                        || resource.resource().equals(r.getSingularName()))) {
                    return resource;
                }
                if (r.getShortNames() != null) {
                    for (String shortName : r.getShortNames()) {
                        shortcuts.add(new Shortcut(new GroupResource(gv.group(), shortName),
                                new GroupResource(gv.group(), r.getName())));
                    }
                }
            }
        }
        GroupResource found = null;
        Set<GroupResource> warned = new HashSet<>();
        for (Shortcut s : shortcuts) {
            if (!resource.group().isEmpty() && !resource.group().equals(s.shortForm().group())) {
                continue;
            }
            if (!resource.resource().equals(s.shortForm().resource())) {
                continue;
            }
            if (found == null) {
                found = s.longForm();
            } else if (!s.longForm().equals(found) && warned.add(s.longForm())) {
                warningHandler.accept("short name \"" + resource.resource()
                        + "\" could also match lower priority resource " + Names.gr(s.longForm()));
            }
        }
        if (found != null) {
            return new GroupVersionResource(found.group(), "", found.resource());
        }
        if (resource.group().isEmpty()) {
            return resource;
        }
        for (Shortcut s : shortcuts) {
            if (s.shortForm().group().startsWith(resource.group()) && resource.resource().equals(s.shortForm().resource())) {
                return new GroupVersionResource(s.longForm().group(), resource.version(), s.longForm().resource());
            }
        }
        return resource;
    }

    @Override
    public GroupVersionKind kindFor(GroupVersionResource resource) {
        try {
            return delegate.kindFor(expand(resource));
        } catch (RuntimeException e) {
            if (!RESTMappers.isNoMatchError(e)) {
                throw e;
            }
            // Lets a deferred delegate refresh discovery and try again, as client-go does.
            return delegate.kindFor(expand(resource));
        }
    }

    @Override
    public List<GroupVersionKind> kindsFor(GroupVersionResource resource) {
        return delegate.kindsFor(expand(resource));
    }

    @Override
    public GroupVersionResource resourceFor(GroupVersionResource input) {
        return delegate.resourceFor(expand(input));
    }

    @Override
    public List<GroupVersionResource> resourcesFor(GroupVersionResource input) {
        return delegate.resourcesFor(expand(input));
    }

    @Override
    public RESTMapping restMapping(GroupKind groupKind, String... versions) {
        return delegate.restMapping(groupKind, versions);
    }

    @Override
    public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
        return delegate.restMappings(groupKind, versions);
    }

    @Override
    public String resourceSingularizer(String resource) {
        return delegate.resourceSingularizer(expand(new GroupVersionResource("", "", resource)).resource());
    }

    @Override
    public void reset() {
        RESTMappers.maybeReset(delegate);
    }
}
