package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingList;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleList;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingList;
import io.fabric8.kubernetes.api.model.rbac.RoleList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code rbac.authorization.k8s.io/v1}; obtain it from {@link Clientset#rbacV1()}. */
public final class RbacV1Client extends GroupVersionClient {

    RbacV1Client(RESTClient client) {
        super(client);
    }

    /** ClusterRoleBinding objects (cluster-scoped). */
    public ResourceClient<ClusterRoleBinding, ClusterRoleBindingList> clusterRoleBindings() {
        return cluster("clusterrolebindings", ClusterRoleBinding.class, ClusterRoleBindingList.class);
    }

    /** ClusterRole objects (cluster-scoped). */
    public ResourceClient<ClusterRole, ClusterRoleList> clusterRoles() {
        return cluster("clusterroles", ClusterRole.class, ClusterRoleList.class);
    }

    /** RoleBinding objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<RoleBinding, RoleBindingList> roleBindings(String namespace) {
        return namespaced("rolebindings", namespace, RoleBinding.class, RoleBindingList.class);
    }

    /** Role objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<Role, RoleList> roles(String namespace) {
        return namespaced("roles", namespace, Role.class, RoleList.class);
    }
}
