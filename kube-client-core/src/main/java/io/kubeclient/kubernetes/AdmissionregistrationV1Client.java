package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingAdmissionPolicyBindingList;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingAdmissionPolicyList;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationList;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingList;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyList;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code admissionregistration.k8s.io/v1}; obtain it from {@link Clientset#admissionregistrationV1()}. */
public final class AdmissionregistrationV1Client extends GroupVersionClient {

    AdmissionregistrationV1Client(RESTClient client) {
        super(client);
    }

    /** MutatingAdmissionPolicy objects (cluster-scoped). */
    public ResourceClient<MutatingAdmissionPolicy, MutatingAdmissionPolicyList> mutatingAdmissionPolicies() {
        return cluster("mutatingadmissionpolicies", MutatingAdmissionPolicy.class, MutatingAdmissionPolicyList.class);
    }

    /** MutatingAdmissionPolicyBinding objects (cluster-scoped). */
    public ResourceClient<MutatingAdmissionPolicyBinding, MutatingAdmissionPolicyBindingList> mutatingAdmissionPolicyBindings() {
        return cluster("mutatingadmissionpolicybindings", MutatingAdmissionPolicyBinding.class, MutatingAdmissionPolicyBindingList.class);
    }

    /** MutatingWebhookConfiguration objects (cluster-scoped). */
    public ResourceClient<MutatingWebhookConfiguration, MutatingWebhookConfigurationList> mutatingWebhookConfigurations() {
        return cluster("mutatingwebhookconfigurations", MutatingWebhookConfiguration.class, MutatingWebhookConfigurationList.class);
    }

    /** ValidatingAdmissionPolicy objects (cluster-scoped). */
    public StatusResourceClient<ValidatingAdmissionPolicy, ValidatingAdmissionPolicyList> validatingAdmissionPolicies() {
        return clusterWithStatus("validatingadmissionpolicies", ValidatingAdmissionPolicy.class, ValidatingAdmissionPolicyList.class);
    }

    /** ValidatingAdmissionPolicyBinding objects (cluster-scoped). */
    public ResourceClient<ValidatingAdmissionPolicyBinding, ValidatingAdmissionPolicyBindingList> validatingAdmissionPolicyBindings() {
        return cluster("validatingadmissionpolicybindings", ValidatingAdmissionPolicyBinding.class, ValidatingAdmissionPolicyBindingList.class);
    }

    /** ValidatingWebhookConfiguration objects (cluster-scoped). */
    public ResourceClient<ValidatingWebhookConfiguration, ValidatingWebhookConfigurationList> validatingWebhookConfigurations() {
        return cluster("validatingwebhookconfigurations", ValidatingWebhookConfiguration.class, ValidatingWebhookConfigurationList.class);
    }
}
