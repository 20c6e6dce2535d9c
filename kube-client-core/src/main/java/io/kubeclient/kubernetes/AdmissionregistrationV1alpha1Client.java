package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.admissionregistration.v1alpha1.MutatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1alpha1.MutatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.admissionregistration.v1alpha1.MutatingAdmissionPolicyBindingList;
import io.fabric8.kubernetes.api.model.admissionregistration.v1alpha1.MutatingAdmissionPolicyList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code admissionregistration.k8s.io/v1alpha1}; obtain it from {@link Clientset#admissionregistrationV1alpha1()}. */
public final class AdmissionregistrationV1alpha1Client extends GroupVersionClient {

    AdmissionregistrationV1alpha1Client(RESTClient client) {
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
