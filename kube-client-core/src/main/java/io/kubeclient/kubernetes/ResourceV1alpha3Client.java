package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.resource.v1alpha3.DeviceTaintRule;
import io.fabric8.kubernetes.api.model.resource.v1alpha3.DeviceTaintRuleList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code resource.k8s.io/v1alpha3}; obtain it from {@link Clientset#resourceV1alpha3()}. */
public final class ResourceV1alpha3Client extends GroupVersionClient {

    ResourceV1alpha3Client(RESTClient client) {
        super(client);
    }

    /** DeviceTaintRule objects (cluster-scoped). */
    public StatusResourceClient<DeviceTaintRule, DeviceTaintRuleList> deviceTaintRules() {
        return clusterWithStatus("devicetaintrules", DeviceTaintRule.class, DeviceTaintRuleList.class);
    }
}
