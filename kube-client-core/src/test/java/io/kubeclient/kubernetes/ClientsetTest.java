package io.kubeclient.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.kubeclient.ConfigException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.flowcontrol.RateLimiters;
import io.kubeclient.rest.RestConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ClientsetTest extends ClientsetTestSupport {

    /**
     * Every getter of every group accessor and the collection path the real API server serves it at
     * (plurals as the server spells them, not as naive pluralisation would).
     */
    private static final List<String> PATHS = List.of(
            "coreV1.componentStatuses /api/v1/componentstatuses",
            "coreV1.configMaps /api/v1/namespaces/ns1/configmaps",
            "coreV1.endpoints /api/v1/namespaces/ns1/endpoints",
            "coreV1.events /api/v1/namespaces/ns1/events",
            "coreV1.limitRanges /api/v1/namespaces/ns1/limitranges",
            "coreV1.namespaces /api/v1/namespaces",
            "coreV1.nodes /api/v1/nodes",
            "coreV1.persistentVolumes /api/v1/persistentvolumes",
            "coreV1.persistentVolumeClaims /api/v1/namespaces/ns1/persistentvolumeclaims",
            "coreV1.pods /api/v1/namespaces/ns1/pods",
            "coreV1.podTemplates /api/v1/namespaces/ns1/podtemplates",
            "coreV1.replicationControllers /api/v1/namespaces/ns1/replicationcontrollers",
            "coreV1.resourceQuotas /api/v1/namespaces/ns1/resourcequotas",
            "coreV1.secrets /api/v1/namespaces/ns1/secrets",
            "coreV1.services /api/v1/namespaces/ns1/services",
            "coreV1.serviceAccounts /api/v1/namespaces/ns1/serviceaccounts",
            "admissionregistrationV1.mutatingAdmissionPolicies /apis/admissionregistration.k8s.io/v1/mutatingadmissionpolicies",
            "admissionregistrationV1.mutatingAdmissionPolicyBindings /apis/admissionregistration.k8s.io/v1/mutatingadmissionpolicybindings",
            "admissionregistrationV1.mutatingWebhookConfigurations /apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations",
            "admissionregistrationV1.validatingAdmissionPolicies /apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies",
            "admissionregistrationV1.validatingAdmissionPolicyBindings /apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings",
            "admissionregistrationV1.validatingWebhookConfigurations /apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations",
            "admissionregistrationV1beta1.mutatingAdmissionPolicies /apis/admissionregistration.k8s.io/v1beta1/mutatingadmissionpolicies",
            "admissionregistrationV1beta1.mutatingAdmissionPolicyBindings /apis/admissionregistration.k8s.io/v1beta1/mutatingadmissionpolicybindings",
            "admissionregistrationV1alpha1.mutatingAdmissionPolicies /apis/admissionregistration.k8s.io/v1alpha1/mutatingadmissionpolicies",
            "admissionregistrationV1alpha1.mutatingAdmissionPolicyBindings /apis/admissionregistration.k8s.io/v1alpha1/mutatingadmissionpolicybindings",
            "apiextensionsV1.customResourceDefinitions /apis/apiextensions.k8s.io/v1/customresourcedefinitions",
            "appsV1.controllerRevisions /apis/apps/v1/namespaces/ns1/controllerrevisions",
            "appsV1.daemonSets /apis/apps/v1/namespaces/ns1/daemonsets",
            "appsV1.deployments /apis/apps/v1/namespaces/ns1/deployments",
            "appsV1.replicaSets /apis/apps/v1/namespaces/ns1/replicasets",
            "appsV1.statefulSets /apis/apps/v1/namespaces/ns1/statefulsets",
            "authenticationV1.selfSubjectReviews /apis/authentication.k8s.io/v1/selfsubjectreviews",
            "authenticationV1.tokenReviews /apis/authentication.k8s.io/v1/tokenreviews",
            "authorizationV1.localSubjectAccessReviews /apis/authorization.k8s.io/v1/namespaces/ns1/localsubjectaccessreviews",
            "authorizationV1.selfSubjectAccessReviews /apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            "authorizationV1.selfSubjectRulesReviews /apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
            "authorizationV1.subjectAccessReviews /apis/authorization.k8s.io/v1/subjectaccessreviews",
            "autoscalingV1.horizontalPodAutoscalers /apis/autoscaling/v1/namespaces/ns1/horizontalpodautoscalers",
            "autoscalingV2.horizontalPodAutoscalers /apis/autoscaling/v2/namespaces/ns1/horizontalpodautoscalers",
            "batchV1.cronJobs /apis/batch/v1/namespaces/ns1/cronjobs",
            "batchV1.jobs /apis/batch/v1/namespaces/ns1/jobs",
            "certificatesV1.certificateSigningRequests /apis/certificates.k8s.io/v1/certificatesigningrequests",
            "certificatesV1.clusterTrustBundles /apis/certificates.k8s.io/v1/clustertrustbundles",
            "certificatesV1.podCertificateRequests /apis/certificates.k8s.io/v1/namespaces/ns1/podcertificaterequests",
            "certificatesV1beta1.clusterTrustBundles /apis/certificates.k8s.io/v1beta1/clustertrustbundles",
            "certificatesV1beta1.podCertificateRequests /apis/certificates.k8s.io/v1beta1/namespaces/ns1/podcertificaterequests",
            "coordinationV1.leases /apis/coordination.k8s.io/v1/namespaces/ns1/leases",
            "coordinationV1beta1.leaseCandidates /apis/coordination.k8s.io/v1beta1/namespaces/ns1/leasecandidates",
            "coordinationV1alpha2.leaseCandidates /apis/coordination.k8s.io/v1alpha2/namespaces/ns1/leasecandidates",
            "discoveryV1.endpointSlices /apis/discovery.k8s.io/v1/namespaces/ns1/endpointslices",
            "eventsV1.events /apis/events.k8s.io/v1/namespaces/ns1/events",
            "flowcontrolV1.flowSchemas /apis/flowcontrol.apiserver.k8s.io/v1/flowschemas",
            "flowcontrolV1.priorityLevelConfigurations /apis/flowcontrol.apiserver.k8s.io/v1/prioritylevelconfigurations",
            "networkingV1.ingresses /apis/networking.k8s.io/v1/namespaces/ns1/ingresses",
            "networkingV1.ingressClasses /apis/networking.k8s.io/v1/ingressclasses",
            "networkingV1.ipAddresses /apis/networking.k8s.io/v1/ipaddresses",
            "networkingV1.networkPolicies /apis/networking.k8s.io/v1/namespaces/ns1/networkpolicies",
            "networkingV1.serviceCIDRs /apis/networking.k8s.io/v1/servicecidrs",
            "nodeV1.runtimeClasses /apis/node.k8s.io/v1/runtimeclasses",
            "policyV1.podDisruptionBudgets /apis/policy/v1/namespaces/ns1/poddisruptionbudgets",
            "rbacV1.clusterRoleBindings /apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
            "rbacV1.clusterRoles /apis/rbac.authorization.k8s.io/v1/clusterroles",
            "rbacV1.roleBindings /apis/rbac.authorization.k8s.io/v1/namespaces/ns1/rolebindings",
            "rbacV1.roles /apis/rbac.authorization.k8s.io/v1/namespaces/ns1/roles",
            "resourceV1.deviceClasses /apis/resource.k8s.io/v1/deviceclasses",
            "resourceV1.deviceTaintRules /apis/resource.k8s.io/v1/devicetaintrules",
            "resourceV1.resourceClaims /apis/resource.k8s.io/v1/namespaces/ns1/resourceclaims",
            "resourceV1.resourceClaimTemplates /apis/resource.k8s.io/v1/namespaces/ns1/resourceclaimtemplates",
            "resourceV1.resourceSlices /apis/resource.k8s.io/v1/resourceslices",
            "resourceV1beta2.deviceClasses /apis/resource.k8s.io/v1beta2/deviceclasses",
            "resourceV1beta2.deviceTaintRules /apis/resource.k8s.io/v1beta2/devicetaintrules",
            "resourceV1beta2.resourceClaims /apis/resource.k8s.io/v1beta2/namespaces/ns1/resourceclaims",
            "resourceV1beta2.resourceClaimTemplates /apis/resource.k8s.io/v1beta2/namespaces/ns1/resourceclaimtemplates",
            "resourceV1beta2.resourceSlices /apis/resource.k8s.io/v1beta2/resourceslices",
            "resourceV1beta1.deviceClasses /apis/resource.k8s.io/v1beta1/deviceclasses",
            "resourceV1beta1.resourceClaims /apis/resource.k8s.io/v1beta1/namespaces/ns1/resourceclaims",
            "resourceV1beta1.resourceClaimTemplates /apis/resource.k8s.io/v1beta1/namespaces/ns1/resourceclaimtemplates",
            "resourceV1beta1.resourceSlices /apis/resource.k8s.io/v1beta1/resourceslices",
            "resourceV1alpha3.deviceTaintRules /apis/resource.k8s.io/v1alpha3/devicetaintrules",
            "schedulingV1.priorityClasses /apis/scheduling.k8s.io/v1/priorityclasses",
            "schedulingV1beta1.podGroups /apis/scheduling.k8s.io/v1beta1/namespaces/ns1/podgroups",
            "schedulingV1beta1.workloads /apis/scheduling.k8s.io/v1beta1/namespaces/ns1/workloads",
            "schedulingV1alpha3.compositePodGroups /apis/scheduling.k8s.io/v1alpha3/namespaces/ns1/compositepodgroups",
            "schedulingV1alpha3.podGroups /apis/scheduling.k8s.io/v1alpha3/namespaces/ns1/podgroups",
            "schedulingV1alpha3.workloads /apis/scheduling.k8s.io/v1alpha3/namespaces/ns1/workloads",
            "storageV1.csiDrivers /apis/storage.k8s.io/v1/csidrivers",
            "storageV1.csiNodes /apis/storage.k8s.io/v1/csinodes",
            "storageV1.csiStorageCapacities /apis/storage.k8s.io/v1/namespaces/ns1/csistoragecapacities",
            "storageV1.storageClasses /apis/storage.k8s.io/v1/storageclasses",
            "storageV1.volumeAttachments /apis/storage.k8s.io/v1/volumeattachments",
            "storageV1.volumeAttributesClasses /apis/storage.k8s.io/v1/volumeattributesclasses"
    );

    @Test
    void everyGroupAccessorGetterHasTheServersBasePathAndPlural() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (String line : PATHS) {
            String[] parts = line.split(" ");
            expected.put(parts[0], parts[1]);
        }
        Map<String, String> actual = new TreeMap<>();
        Map<String, String> fabric8Plurals = new TreeMap<>();
        for (Method accessor : Clientset.class.getMethods()) {
            if (!GroupVersionClient.class.isAssignableFrom(accessor.getReturnType())) {
                continue;
            }
            GroupVersionClient group = (GroupVersionClient) accessor.invoke(cs);
            assertThat(accessor.invoke(cs)).as("cached").isSameAs(group);
            for (Method getter : group.getClass().getDeclaredMethods()) {
                if (!Modifier.isPublic(getter.getModifiers())) {
                    continue;
                }
                Object client = getter.getParameterCount() == 1 ? getter.invoke(group, "ns1") : getter.invoke(group);
                String key = accessor.getName() + "." + getter.getName();
                Class<?> type;
                boolean namespaced;
                if (client instanceof ResourceClient<?, ?> rc) {
                    actual.put(key, rc.listUrl().getRawPath());
                    assertThat(rc.restClient()).isSameAs(group.restClient());
                    type = rc.type;
                    namespaced = rc.isNamespaced();
                } else {
                    CreateOnlyClient<?> co = (CreateOnlyClient<?>) client;
                    actual.put(key, co.restClient().post().namespaceIfScoped("ns1", co.isNamespaced())
                            .resource(co.resource()).url().getRawPath());
                    type = co.type();
                    namespaced = co.isNamespaced();
                }
                GroupVersion gv = group.restClient().apiVersion();
                @SuppressWarnings("unchecked")
                Class<? extends HasMetadata> model = (Class<? extends HasMetadata>) type;
                assertThat(HasMetadata.getGroup(model)).as(key + " group").isEqualTo(gv.group());
                assertThat(HasMetadata.getVersion(model)).as(key + " version").isEqualTo(gv.version());
                assertThat(namespaced).as(key + " scope").isEqualTo(Namespaced.class.isAssignableFrom(type));
                assertThat(getter.getParameterCount()).as(key + " takes a namespace").isEqualTo(namespaced ? 1 : 0);
                fabric8Plurals.put(key, HasMetadata.getPlural(model));
            }
        }
        assertThat(actual).isEqualTo(expected);
        // fabric8's own plural rules agree with the table for every built-in kind.
        for (Map.Entry<String, String> e : fabric8Plurals.entrySet()) {
            assertThat(actual.get(e.getKey())).as(e.getKey()).endsWith("/" + e.getValue());
        }
    }

    @Test
    void groupClientsAreCreatedOnFirstUseAndThenShared() {
        Clientset fresh = Clientset.newForConfigAndClient(config().build(), transport);
        assertThat(fresh.groupClientCreated(CoreV1Client.class)).isFalse();
        assertThat(fresh.groupClientCreated(AppsV1Client.class)).isFalse();

        AppsV1Client apps = fresh.appsV1();

        assertThat(fresh.groupClientCreated(AppsV1Client.class)).isTrue();
        assertThat(fresh.groupClientCreated(CoreV1Client.class)).as("other groups still untouched").isFalse();
        assertThat(fresh.appsV1()).isSameAs(apps);
        assertNoRequest();
    }

    @Test
    void concurrentFirstUseYieldsOneGroupClient() throws Exception {
        Clientset fresh = Clientset.newForConfigAndClient(config().build(), transport);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BatchV1Client>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return fresh.batchV1();
                }));
            }
            BatchV1Client first = results.get(0).get(5, TimeUnit.SECONDS);
            for (Future<BatchV1Client> r : results) {
                assertThat(r.get(5, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(first.restClient()).isSameAs(fresh.batchV1().restClient());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void discoveryUsesTheClientsetTransportAndIsCreatedOnce() throws Exception {
        enqueueJson(200, "{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.1\"}");

        assertThat(cs.discovery()).isSameAs(cs.discovery());
        assertThat(cs.discovery().serverVersion().gitVersion()).isEqualTo("v1.34.1");

        RecordedRequest request = take();
        assertThat(request.getTarget()).startsWith("/version");
        assertThat(request.getTarget()).contains("timeout=32s");
    }

    @Test
    void explicitQpsSharesOneLimiterAcrossGroups() {
        Clientset shared = Clientset.newForConfigAndClient(RestConfig.builder().host(host()).qps(50).burst(100).build(),
                transport);
        RateLimiter core = shared.coreV1().restClient().rateLimiter();
        assertThat(core).isNotNull();
        assertThat(core.qps()).isEqualTo(50f);
        assertThat(shared.appsV1().restClient().rateLimiter()).isSameAs(core);
        assertThat(shared.rbacV1().restClient().rateLimiter()).isSameAs(core);
        assertThat(shared.resource(GroupVersionResource.of("example.com", "v1", "widgets"),
                GenericKubernetesResource.class,
                GenericKubernetesResourceList.class).restClient().rateLimiter()).isSameAs(core);
    }

    @Test
    void defaultQpsGivesEachGroupItsOwnDefaultBucket() {
        Clientset own = Clientset.newForConfigAndClient(RestConfig.builder().host(host()).build(), transport);
        RateLimiter core = own.coreV1().restClient().rateLimiter();
        RateLimiter apps = own.appsV1().restClient().rateLimiter();
        assertThat(core).isNotNull().isNotSameAs(apps);
        assertThat(core.qps()).isEqualTo(RestConfig.DEFAULT_QPS);
        assertThat(own.coreV1().restClient()).isSameAs(own.coreV1().restClient());
    }

    @Test
    void negativeQpsDisablesThrottling() {
        assertThat(cs.coreV1().restClient().rateLimiter()).isNull();
        assertThat(cs.batchV1().restClient().rateLimiter()).isNull();
    }

    @Test
    void configuredLimiterIsUsedEverywhere() {
        RateLimiter limiter = RateLimiters.alwaysAccept();
        Clientset c = Clientset.newForConfigAndClient(RestConfig.builder().host(host()).qps(10).burst(0)
                .rateLimiter(limiter).build(), transport);
        assertThat(c.coreV1().restClient().rateLimiter()).isSameAs(limiter);
        assertThat(c.appsV1().restClient().rateLimiter()).isSameAs(limiter);
    }

    @Test
    void positiveQpsWithoutBurstIsAConfigError() {
        assertThatThrownBy(() -> Clientset.newForConfig(RestConfig.builder().host(host()).qps(5).burst(0).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("burst is required");
        assertThatThrownBy(() -> Clientset.newForConfigOrThrow(RestConfig.builder().host(host()).qps(5).burst(-1).build()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void unusableConfigFailsAtConstruction() {
        assertThatThrownBy(() -> Clientset.newForConfig(RestConfig.builder().host(host()).username("u").password("p")
                .bearerToken("t").build())).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Clientset.newForConfig(RestConfig.builder().host("http://exa mple:80/").build()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void newForConfigTalksToTheServerWithItsCredentials() throws Exception {
        enqueueJson(200, "{\"kind\":\"Node\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"n1\"}}");
        try (Clientset c = Clientset.newForConfig(RestConfig.builder().host(host()).bearerToken("s3cret").build())) {
            assertThat(c.coreV1().nodes().get("n1").getMetadata().getName()).isEqualTo("n1");
        }
        var r = take();
        assertThat(r.getTarget()).isEqualTo("/api/v1/nodes/n1");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(r.getHeaders().get("User-Agent")).isNotBlank();
    }

    @Test
    void typedCustomResourceUsesItsGroupVersionAndScope() throws Exception {
        enqueueJson(200, "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}");
        var pods = cs.resource(GroupVersionResource.of("", "v1", "pods"),
                Pod.class, PodList.class);
        assertThat(pods.namespace("ns1").list().getItems()).isEmpty();
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods");
        assertThat(pods.restClient()).isSameAs(cs.coreV1().restClient());
    }

    @Test
    void typedCustomResourceRejectsGroupVersionOrResourceThatIsNotAPathSegment() {
        for (GroupVersionResource gvr : List.of(GroupVersionResource.of("..", "..", "secrets"),
                GroupVersionResource.of("a/b", "v1", "pods"), GroupVersionResource.of("", "..", "pods"),
                GroupVersionResource.of("", "v1", ""), GroupVersionResource.of("", "v1", "pods/x"))) {
            assertThatThrownBy(() -> cs.resource(gvr, Pod.class, PodList.class)).as(gvr.toString())
                    .isInstanceOf(io.kubeclient.rest.InvalidRequestException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
