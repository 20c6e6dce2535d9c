package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code authorization.k8s.io/v1}; obtain it from {@link Clientset#authorizationV1()}. */
public final class AuthorizationV1Client extends GroupVersionClient {

    AuthorizationV1Client(RESTClient client) {
        super(client);
    }

    /** Submits LocalSubjectAccessReviews in {@code namespace} (create only). */
    public CreateOnlyClient<LocalSubjectAccessReview> localSubjectAccessReviews(String namespace) {
        return createOnly("localsubjectaccessreviews", namespace, LocalSubjectAccessReview.class);
    }

    /** Submits SelfSubjectAccessReviews (create only). */
    public CreateOnlyClient<SelfSubjectAccessReview> selfSubjectAccessReviews() {
        return createOnly("selfsubjectaccessreviews", SelfSubjectAccessReview.class);
    }

    /** Submits SelfSubjectRulesReviews (create only). */
    public CreateOnlyClient<SelfSubjectRulesReview> selfSubjectRulesReviews() {
        return createOnly("selfsubjectrulesreviews", SelfSubjectRulesReview.class);
    }

    /** Submits SubjectAccessReviews (create only). */
    public CreateOnlyClient<SubjectAccessReview> subjectAccessReviews() {
        return createOnly("subjectaccessreviews", SubjectAccessReview.class);
    }
}
