package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code authentication.k8s.io/v1}; obtain it from {@link Clientset#authenticationV1()}. */
public final class AuthenticationV1Client extends GroupVersionClient {

    AuthenticationV1Client(RESTClient client) {
        super(client);
    }

    /** Submits SelfSubjectReviews (create only). */
    public CreateOnlyClient<SelfSubjectReview> selfSubjectReviews() {
        return createOnly("selfsubjectreviews", SelfSubjectReview.class);
    }

    /** Submits TokenReviews (create only). */
    public CreateOnlyClient<TokenReview> tokenReviews() {
        return createOnly("tokenreviews", TokenReview.class);
    }
}
