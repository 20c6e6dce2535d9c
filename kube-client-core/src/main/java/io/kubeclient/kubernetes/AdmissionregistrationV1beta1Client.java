package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.admissionregistration.v1beta1.MutatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1beta1.MutatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.admissionregistration.v1beta1.MutatingAdmissionPolicyBindingList;
import io.fabric8.kubernetes.api.model.admissionregistration.v1beta1.MutatingAdmissionPolicyList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code admissionregistration.k8s.io/v1beta1}; obtain it from {@link Clientset#admissionregistrationV1beta1()}. */
public final class AdmissionregistrationV1beta1Client extends GroupVersionClient {

    AdmissionregistrationV1beta1Client(RESTClient client) {
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
}
