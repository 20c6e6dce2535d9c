package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountList;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.kubeclient.apimachinery.meta.CreateOptions;
import io.kubeclient.rest.RESTClient;

/** The client for {@code core/v1} service accounts, adding {@link #createToken}. */
public final class ServiceAccountClient extends ResourceClient<ServiceAccount, ServiceAccountList> {

    ServiceAccountClient(RESTClient client, String namespace) {
        super(client, "serviceaccounts", true, namespace, ServiceAccount.class, ServiceAccountList.class);
    }

    /**
     * Requests a bound token for the named service account ({@code POST .../serviceaccounts/{name}/token});
     * the answer's {@code status.token} holds it.
     */
    public TokenRequest createToken(String name, TokenRequest request) {
        return createToken(name, request, CreateOptions.empty());
    }

    /** {@link #createToken(String, TokenRequest)} with options. */
    public TokenRequest createToken(String name, TokenRequest request, CreateOptions options) {
        Names.checkName(name, resource);
        requireObject(request, "create a token for");
        return write(client.post()).name(name).subResource("token").versionedParams(options).body(request)
                .execute().into(TokenRequest.class);
    }
}
