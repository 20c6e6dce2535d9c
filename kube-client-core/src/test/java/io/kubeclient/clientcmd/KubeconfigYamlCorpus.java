package io.kubeclient.clientcmd;

import java.util.List;

/** Realistic kubeconfigs, as kubectl, go-yaml and the cloud CLIs write them (credentials are fake). */
final class KubeconfigYamlCorpus {

    private KubeconfigYamlCorpus() {}

    static final String CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmhyTTNNdGMyVnkKZG1WeUxXTmhRREUzTURBd01EQXdNREF3SGhjTk1qUXdNVEF4TURBd01EQXdXaGNOTXpRd01UQXhNREF3TURBdwpXakFqTVNFd0h3WURWUVFEREJock0zTXRjMlZ5ZG1WeUxXTmhRREUzTURBd01EQXdNREF3V1RBVEJnY3Foa2pPClBRSUJCZ2dxaGtqT1BRTUJCd05DQUFTZmFrZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==";

    /** {@code kubectl config view --flatten}: sequences at their key's indentation, {@code preferences: {}}. */
    static final String KUBECTL = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: %s
                server: https://10.0.0.1:6443
              name: prod
            - cluster:
                insecure-skip-tls-verify: true
                server: https://staging.example.com
                tls-server-name: api.staging.example.com
                proxy-url: http://proxy.corp:3128
              name: staging
            contexts:
            - context:
                cluster: prod
                namespace: kube-system
                user: admin
              name: prod-admin
            - context:
                cluster: staging
                user: dev
              name: staging
            current-context: prod-admin
            kind: Config
            preferences: {}
            users:
            - name: admin
              user:
                client-certificate-data: %s
                client-key-data: %s
            - name: dev
              user:
                token: eyJhbGciOiJSUzI1NiIsImtpZCI6IkFCQyJ9.eyJzdWIiOiJkZXYifQ.c2lnbmF0dXJl
            """.formatted(CA, CA, CA);

    static final String MINIKUBE = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority: /home/user/.minikube/ca.crt
                extensions:
                - extension:
                    last-update: Mon, 01 Jan 2024 10:00:00 UTC
                    provider: minikube.sigs.k8s.io
                    version: v1.32.0
                  name: cluster_info
                server: https://192.168.49.2:8443
              name: minikube
            contexts:
            - context:
                cluster: minikube
                extensions:
                - extension:
                    last-update: Mon, 01 Jan 2024 10:00:00 UTC
                    provider: minikube.sigs.k8s.io
                    version: v1.32.0
                  name: context_info
                namespace: default
                user: minikube
              name: minikube
            current-context: minikube
            kind: Config
            preferences: {}
            users:
            - name: minikube
              user:
                client-certificate: /home/user/.minikube/profiles/minikube/client.crt
                client-key: /home/user/.minikube/profiles/minikube/client.key
            """;

    static final String KIND = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: %s
                server: https://127.0.0.1:40123
              name: kind-kind
            contexts:
            - context:
                cluster: kind-kind
                user: kind-kind
              name: kind-kind
            current-context: kind-kind
            kind: Config
            preferences: {}
            users:
            - name: kind-kind
              user:
                client-certificate-data: %s
                client-key-data: %s
            """.formatted(CA, CA, CA);

    /** k3s writes an EC CA and keys, and its own names. */
    static final String K3S = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJlRENDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmhyTTNNdGMyVnkKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=
                server: https://127.0.0.1:6443
              name: default
            contexts:
            - context:
                cluster: default
                user: default
              name: default
            current-context: default
            kind: Config
            preferences: {}
            users:
            - name: default
              user:
                client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJrVENDQVRlZ0F3SUJBZ0lJZmFrZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==
                client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSUZha2VLZXkKLS0tLS1FTkQgRUMgUFJJVkFURSBLRVktLS0tLQo=
            """;

    /** {@code aws eks update-kubeconfig}: exec with args and env. */
    static final String EKS = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: %s
                server: https://ABCDEF0123456789ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com
              name: arn:aws:eks:eu-west-1:123456789012:cluster/prod
            contexts:
            - context:
                cluster: arn:aws:eks:eu-west-1:123456789012:cluster/prod
                user: arn:aws:eks:eu-west-1:123456789012:cluster/prod
              name: arn:aws:eks:eu-west-1:123456789012:cluster/prod
            current-context: arn:aws:eks:eu-west-1:123456789012:cluster/prod
            kind: Config
            preferences: {}
            users:
            - name: arn:aws:eks:eu-west-1:123456789012:cluster/prod
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  args:
                  - --region
                  - eu-west-1
                  - eks
                  - get-token
                  - --cluster-name
                  - prod
                  - --output
                  - json
                  command: aws
                  env:
                  - name: AWS_PROFILE
                    value: prod-admin
                  - name: AWS_STS_REGIONAL_ENDPOINTS
                    value: regional
                  interactiveMode: IfAvailable
                  provideClusterInfo: false
            """.formatted(CA);

    /** {@code gcloud container clusters get-credentials}. */
    static final String GKE = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: %s
                server: https://34.78.1.2
              name: gke_my-project_europe-west1_autopilot-cluster-1
            contexts:
            - context:
                cluster: gke_my-project_europe-west1_autopilot-cluster-1
                user: gke_my-project_europe-west1_autopilot-cluster-1
              name: gke_my-project_europe-west1_autopilot-cluster-1
            current-context: gke_my-project_europe-west1_autopilot-cluster-1
            kind: Config
            preferences: {}
            users:
            - name: gke_my-project_europe-west1_autopilot-cluster-1
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: gke-gcloud-auth-plugin
                  installHint: Install gke-gcloud-auth-plugin for use with kubectl by following
                    https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin
                  provideClusterInfo: true
            """.formatted(CA);

    /** GKE's hint, on one line, as some versions write it. */
    static final String GKE_ONE_LINE = GKE.replace("by following\n        https:", "by following https:");

    /** {@code az aks get-credentials} for an Entra ID cluster: kubelogin, and a literal install hint. */
    static final String AKS = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: %s
                server: https://myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io:443
              name: myaks
            contexts:
            - context:
                cluster: myaks
                user: clusterUser_my-rg_myaks
              name: myaks
            current-context: myaks
            kind: Config
            preferences: {}
            users:
            - name: clusterUser_my-rg_myaks
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  args:
                  - get-token
                  - --environment
                  - AzurePublicCloud
                  - --server-id
                  - 6dae42f8-4368-4678-94ff-3960e28e3630
                  - --client-id
                  - 80faf920-1908-4b52-b5ef-a8e7bedfc67a
                  - --tenant-id
                  - 72f988bf-86f1-41af-91ab-2d7cd011db47
                  - --login
                  - devicecode
                  command: kubelogin
                  env: null
                  installHint: |2

                    kubelogin is not installed which is required to connect to AAD enabled cluster.

                    To learn more, please go to https://aka.ms/aks/kubelogin
                  provideClusterInfo: false
            """.formatted(CA);

    static final String OIDC = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: corp
              cluster:
                server: https://k8s.corp.example.com:443
                certificate-authority: /etc/kubernetes/pki/ca.crt
            users:
            - name: alice@corp.example.com
              user:
                auth-provider:
                  name: oidc
                  config:
                    client-id: kubernetes
                    client-secret: 1db158f6-177d-4d9c-8a8b-d36869918ec5
                    id-token: eyJraWQiOiJDTj1vaWRjaWRwLnRyZW1vbG8ubGFuLCBPVT1EZW1vLCBPPVRybWVvbG8gU2VjdXJpdHksIEw9QXJsaW5ndG9uLCBTVD1WaXJnaW5pYSwgQz1VUy1DTj1rdWJlLWNhLTEyMDIxNDc5MjEwMzYwNzMyMTUyIiwiYWxnIjoiUlMyNTYifQ.eyJpc3MiOiJodHRwczovL29pZGNpZHAudHJlbW9sby5sYW46ODQ0My9hdXRoL2lkcC9PaWRjSWRQIn0.c2ln
                    idp-certificate-authority: /root/ca.pem
                    idp-issuer-url: https://oidcidp.corp.example.com:8443/auth/idp/OidcIdP
                    refresh-token: q1bKLFOyUiosTfawzA93TzZIDzH2TNa2SMm0zEiPKTUwME6BkEo6Sql5yUWVBSWpKUGphaWpxSVAfekBOZbBhaEW+VlFUeVRGcluyVF5JT4+haZmPsluFoFu5XkpXk5BXq
            contexts:
            - name: corp
              context:
                cluster: corp
                user: alice@corp.example.com
                namespace: "123"
            current-context: corp
            """;

    /** Hand-written: indented sequences, comments, quoted values, a {@code ---} start. */
    static final String HAND_WRITTEN = """
            ---
            # Written by hand (\u00E0 la main).
            apiVersion: v1
            kind: Config

            clusters:
              - name: 'dev cluster'
                cluster:
                  server: "https://dev.example.com:6443"   # the API server
                  insecure-skip-tls-verify: false
              - name: prod
                cluster:
                  server: 'https://prod.example.com'
                  certificate-authority: '/etc/it''s/ca.crt'

            users:
              - name: bob
                user:
                  username: Jos\u00E9 \u5F20\u4E09
                  password: "s3cr3t #not a comment"
                  as: admin
                  as-groups:
                    - system:masters
                    - 'team: a'
                  as-user-extra:
                    reason:
                      - debugging
                    scopes: []
              - name: empty
                user: {}
              - name: nothing
                user:

            contexts:
              - name: dev
                context:
                  cluster: 'dev cluster'
                  user: bob
                  namespace: "123"
              - name: prod # production
                context:
                  cluster: prod
                  user: empty
                  namespace: team-a
            current-context: dev
            preferences:
              colors: true
            """;

    /** The same document with CRLF line ends. */
    static final String CRLF = KIND.replace("\n", "\r\n");

    /** Several of each, written in kubectl's order. */
    static final String MANY = """
            apiVersion: v1
            clusters:
            - cluster:
                server: https://a.example.com
              name: a
            - cluster:
                server: https://b.example.com
                disable-compression: true
              name: b
            - cluster:
                server: https://c.example.com
              name: c
            contexts:
            - context:
                cluster: a
                user: a
              name: a
            - context:
                cluster: b
                user: b
                namespace: b-ns
              name: b
            - context:
                cluster: c
                user: c
              name: c
            current-context: b
            kind: Config
            preferences: {}
            users:
            - name: a
              user:
                tokenFile: /var/run/secrets/token
            - name: b
              user:
                as: system:serviceaccount:default:builder
                as-uid: 1f8e7d3c-aaaa-bbbb-cccc-0123456789ab
                token: sha256~AbCdEf0123456789
            - name: c
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  args: null
                  command: kubelogin
                  env: null
                  interactiveMode: Never
                  provideClusterInfo: false
            """;

    static List<String> all() {
        return List.of(KUBECTL, MINIKUBE, KIND, K3S, EKS, GKE, GKE_ONE_LINE, AKS, OIDC, HAND_WRITTEN, CRLF, MANY);
    }
}
