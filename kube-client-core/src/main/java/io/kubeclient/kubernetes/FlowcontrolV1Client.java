package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.flowcontrol.v1.FlowSchema;
import io.fabric8.kubernetes.api.model.flowcontrol.v1.FlowSchemaList;
import io.fabric8.kubernetes.api.model.flowcontrol.v1.PriorityLevelConfiguration;
import io.fabric8.kubernetes.api.model.flowcontrol.v1.PriorityLevelConfigurationList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code flowcontrol.apiserver.k8s.io/v1}; obtain it from {@link Clientset#flowcontrolV1()}. */
public final class FlowcontrolV1Client extends GroupVersionClient {

    FlowcontrolV1Client(RESTClient client) {
        super(client);
    }

    /** FlowSchema objects (cluster-scoped). */
    public StatusResourceClient<FlowSchema, FlowSchemaList> flowSchemas() {
        return clusterWithStatus("flowschemas", FlowSchema.class, FlowSchemaList.class);
    }

    /** PriorityLevelConfiguration objects (cluster-scoped). */
    public StatusResourceClient<PriorityLevelConfiguration, PriorityLevelConfigurationList> priorityLevelConfigurations() {
        return clusterWithStatus("prioritylevelconfigurations", PriorityLevelConfiguration.class, PriorityLevelConfigurationList.class);
    }
}
