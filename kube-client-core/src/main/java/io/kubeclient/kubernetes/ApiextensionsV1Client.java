package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code apiextensions.k8s.io/v1}; obtain it from {@link Clientset#apiextensionsV1()}. */
public final class ApiextensionsV1Client extends GroupVersionClient {

    ApiextensionsV1Client(RESTClient client) {
        super(client);
    }

    /** CustomResourceDefinition objects (cluster-scoped). */
    public StatusResourceClient<CustomResourceDefinition, CustomResourceDefinitionList> customResourceDefinitions() {
        return clusterWithStatus("customresourcedefinitions", CustomResourceDefinition.class, CustomResourceDefinitionList.class);
    }
}
