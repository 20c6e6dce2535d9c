package io.kubeclient.spring.autoconfigure;

import static io.kubeclient.spring.autoconfigure.KubeTestServers.enqueue;
import static io.kubeclient.spring.autoconfigure.KubeTestServers.take;
import static io.kubeclient.spring.autoconfigure.KubeTestServers.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclient.KubeException;
import io.kubeclient.discovery.CachedDiscoveryInterface;
import io.kubeclient.dynamic.DynamicClient;
import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.flowcontrol.RateLimiters;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.WarningHandlers;
import io.kubeclient.restmapper.DeferredDiscoveryRESTMapper;
import io.kubeclient.restmapper.RESTMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class KubeClientAutoConfigurationTests {

    private static final String POD = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\",\"namespace\":\"team-a\",\"resourceVersion\":\"42\"}}";

    @TempDir
    Path dir;

    KubeTestServers servers;

    Path kubeconfig;

    ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        this.servers = new KubeTestServers();
        this.kubeconfig = this.servers.writeKubeconfig(this.dir);
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
            .withPropertyValues("HOME=" + this.dir.resolve("home"), "KUBECONFIG=", "KUBERNETES_SERVICE_HOST=",
                    "kube.client.kubeconfig=" + this.kubeconfig);
    }

    @AfterEach
    void tearDown() {
        this.servers.close();
    }

    /** GETs pod {@code web} through the RESTClient bean and returns what the server saw. */
    private RecordedRequest getPod(AssertableApplicationContext context, MockWebServer expectedServer) {
        enqueue(expectedServer, 200, POD);
        context.getBean(RESTClient.class).get().namespace("team-a").resource("pods").name("web").execute().into(Pod.class);
        return take(expectedServer);
    }

    // ---- beans

    @Test
    void createsEveryBeanWithoutTalkingToTheServer() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(KubeConnectionDetails.class)
                .hasSingleBean(RestConfig.class)
                .hasSingleBean(RateLimiter.class)
                .hasSingleBean(RESTClient.class)
                .hasSingleBean(Clientset.class)
                .hasSingleBean(DynamicClient.class)
                .hasSingleBean(CachedDiscoveryInterface.class)
                .hasSingleBean(RESTMapper.class);
            assertThat(context.getBean(RESTMapper.class)).isInstanceOf(DeferredDiscoveryRESTMapper.class);
            assertThat(context.getBean(RestConfig.class).rateLimiter()).isSameAs(context.getBean(RateLimiter.class));
            assertThat(context.getBean(RESTClient.class).apiVersion().toString()).isEqualTo("v1");
            assertThat(this.servers.main.getRequestCount()).isZero();
        });
    }

    @Test
    void usesTheCurrentContextOfTheKubeconfig() {
        this.runner.run((context) -> {
            RecordedRequest r = getPod(context, this.servers.main);
            assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/team-a/pods/web");
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer alice-token");
            KubeConnectionDetails details = context.getBean(KubeConnectionDetails.class);
            assertThat(details.namespace()).isEqualTo("team-a");
            assertThat(details.source()).isEqualTo("main");
        });
    }

    @Test
    void disabledCreatesNothing() {
        this.runner.withPropertyValues("kube.client.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(RestConfig.class)
                .doesNotHaveBean(RESTClient.class)
                .doesNotHaveBean(KubeClientProperties.class));
    }

    @Test
    void theApplicationsJsonMapperNeverReachesTheWire() {
        this.runner.withUserConfiguration(SnakeCaseMapperConfiguration.class).run((context) -> {
            enqueue(this.servers.main, 200, POD);
            Pod pod = context.getBean(RESTClient.class).get().namespace("team-a").resource("pods").name("web")
                .execute().into(Pod.class);
            assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("42");
        });
    }

    // ---- every property reaches the client

    @Test
    void contextPropertySelectsAnotherContext() {
        this.runner.withPropertyValues("kube.client.context=other").run((context) -> {
            RecordedRequest r = getPod(context, this.servers.other);
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer bob-token");
            assertThat(context.getBean(KubeConnectionDetails.class).namespace()).isEqualTo("team-b");
            assertThat(context.getBean(KubeConnectionDetails.class).source()).isEqualTo("other");
        });
    }

    @Test
    void clusterPropertySelectsAnotherCluster() {
        this.runner.withPropertyValues("kube.client.cluster=other").run((context) -> {
            RecordedRequest r = getPod(context, this.servers.other);
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer alice-token");
        });
    }

    @Test
    void userPropertySelectsAnotherUser() {
        this.runner.withPropertyValues("kube.client.user=bob").run((context) -> {
            RecordedRequest r = getPod(context, this.servers.main);
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer bob-token");
        });
    }

    @Test
    void namespacePropertyOverridesTheContexts() {
        this.runner.withPropertyValues("kube.client.namespace=elsewhere")
            .run((context) -> assertThat(context.getBean(KubeConnectionDetails.class).namespace()).isEqualTo("elsewhere"));
    }

    @Test
    void masterUrlChangesTheServer() {
        this.runner.withPropertyValues("kube.client.master-url=" + url(this.servers.other)).run((context) -> {
            assertThat(context.getBean(RestConfig.class).host()).isEqualTo(url(this.servers.other));
            RecordedRequest r = getPod(context, this.servers.other);
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer alice-token");
            assertThat(this.servers.main.getRequestCount()).isZero();
        });
    }

    @Test
    void tokenPropertyIsSentAsBearerToken() {
        this.runner.withPropertyValues("kube.client.token=from-property").run((context) -> {
            assertThat(getPod(context, this.servers.main).getHeaders().get("Authorization"))
                .isEqualTo("Bearer from-property");
            assertThat(context.getBean(RestConfig.class).toString()).doesNotContain("from-property");
        });
    }

    @Test
    void tokenFilePropertyIsSentAsBearerToken() {
        Path tokenFile = KubeTestServers.write(this.dir.resolve("token"), "from-file\n");
        this.runner.withPropertyValues("kube.client.token-file=" + tokenFile).run((context) -> {
            assertThat(getPod(context, this.servers.main).getHeaders().get("Authorization")).isEqualTo("Bearer from-file");
            assertThat(context.getBean(RestConfig.class).bearerTokenFile()).isEqualTo(tokenFile);
        });
    }

    @Test
    void impersonatePropertiesBecomeImpersonateHeaders() {
        this.runner
            .withPropertyValues("kube.client.impersonate.user=jane", "kube.client.impersonate.uid=uid-7",
                    "kube.client.impersonate.groups=devs,ops", "kube.client.impersonate.extra.reason=audit")
            .run((context) -> {
                RecordedRequest r = getPod(context, this.servers.main);
                assertThat(r.getHeaders().values("Impersonate-User")).containsExactly("jane");
                assertThat(r.getHeaders().values("Impersonate-Uid")).containsExactly("uid-7");
                assertThat(r.getHeaders().values("Impersonate-Group")).containsExactly("devs", "ops");
                assertThat(r.getHeaders().values("Impersonate-Extra-reason")).containsExactly("audit");
            });
    }

    @Test
    void qpsAndBurstShapeTheSharedRateLimiter() {
        this.runner.withPropertyValues("kube.client.qps=0.001", "kube.client.burst=3").run((context) -> {
            RateLimiter limiter = context.getBean(RateLimiter.class);
            assertThat(limiter.qps()).isEqualTo(0.001f);
            assertThat(List.of(limiter.tryAccept(), limiter.tryAccept(), limiter.tryAccept(), limiter.tryAccept()))
                .containsExactly(true, true, true, false);
            assertThat(context.getBean(RESTClient.class).rateLimiter()).isSameAs(limiter);
            assertThat(context.getBean(RestConfig.class).qps()).isEqualTo(0.001f);
            assertThat(context.getBean(RestConfig.class).burst()).isEqualTo(3);
        });
    }

    @Test
    void negativeQpsSwitchesRateLimitingOff() {
        this.runner.withPropertyValues("kube.client.qps=-1").run((context) -> {
            assertThat(context).doesNotHaveBean(RateLimiter.class);
            assertThat(context.getBean(RESTClient.class).rateLimiter()).isNull();
        });
    }

    @Test
    void theConditionReportSaysWhyThereIsOrIsNoRateLimiter() {
        this.runner.withPropertyValues("kube.client.qps=7.5").run((context) -> assertThat(rateLimitOutcome(context))
                .isEqualTo("kube.client.qps is 7.5"));
        this.runner.withPropertyValues("kube.client.qps=-1").run((context) -> assertThat(rateLimitOutcome(context))
                .isEqualTo("kube.client.qps is negative: no client-side rate limiting"));
    }

    /** The rate-limit condition's message in the context's condition evaluation report. */
    private static String rateLimitOutcome(AssertableApplicationContext context) {
        return ConditionEvaluationReport.get(context.getBeanFactory()).getConditionAndOutcomesBySource()
                .get(KubeClientAutoConfiguration.class.getName() + "#kubeRateLimiter").stream()
                .filter((c) -> c.getCondition() instanceof KubeClientAutoConfiguration.OnRateLimitingCondition)
                .findFirst().orElseThrow().getOutcome().getMessage();
    }

    @Test
    void timeoutIsSentWithEachRequest() {
        this.runner.withPropertyValues("kube.client.timeout=7s").run((context) -> {
            assertThat(context.getBean(RestConfig.class).timeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(getPod(context, this.servers.main).getTarget()).endsWith("?timeout=7s");
        });
    }

    @Test
    void connectTimeoutAndMaxRetriesReachTheConfig() {
        this.runner.withPropertyValues("kube.client.connect-timeout=1500ms", "kube.client.max-retries=4")
            .run((context) -> {
                RestConfig config = context.getBean(RestConfig.class);
                assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
                assertThat(config.maxRetries()).isEqualTo(4);
            });
        this.runner.run((context) -> {
            assertThat(context.getBean(RestConfig.class).connectTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(context.getBean(RestConfig.class).maxRetries()).isEqualTo(10);
        });
    }

    @Test
    void maxRetriesLimitsRetriesOfThrottledRequests() {
        this.runner.withPropertyValues("kube.client.max-retries=1").run((context) -> {
            for (int i = 0; i < 3; i++) {
                enqueue(this.servers.main, 429, "", "Retry-After", "0");
            }
            int code = context.getBean(RESTClient.class).get().resource("pods").execute().statusCode();
            assertThat(code).isEqualTo(429);
            assertThat(this.servers.main.getRequestCount()).isEqualTo(2);
        });
    }

    @Test
    void userAgentIsSent() {
        this.runner.withPropertyValues("kube.client.user-agent=my-operator/1.0")
            .run((context) -> assertThat(getPod(context, this.servers.main).getHeaders().get("User-Agent"))
                .isEqualTo("my-operator/1.0"));
    }

    @Test
    void proxyUrlSendsRequestsThroughTheProxy() throws Exception {
        Path plain = KubeTestServers.write(this.dir.resolve("plain"), """
                apiVersion: v1
                clusters:
                - name: c
                  cluster:
                    server: http://kube.invalid:6443
                contexts:
                - name: c
                  context:
                    cluster: c
                current-context: c
                """);
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.start();
            this.runner
                .withPropertyValues("kube.client.kubeconfig=" + plain,
                        "kube.client.proxy-url=http://localhost:" + proxy.getPort())
                .run((context) -> {
                    RecordedRequest r = getPod(context, proxy);
                    assertThat(r.getTarget()).isEqualTo("http://kube.invalid:6443/api/v1/namespaces/team-a/pods/web");
                });
        }
    }

    @Test
    void http2FalseForcesHttp11() {
        this.runner.withPropertyValues("kube.client.http2=false").run((context) -> {
            assertThat(context.getBean(RestConfig.class).nextProtos()).containsExactly("http/1.1");
            assertThat(getPod(context, this.servers.main).getHandshake()).isNotNull();
        });
        this.runner.run((context) -> assertThat(context.getBean(RestConfig.class).nextProtos()).isEmpty());
    }

    @Test
    void warningsModeChoosesTheHandler(CapturedOutput output) {
        this.runner.run((context) -> assertThat(context.getBean(RestConfig.class).warningHandler())
            .isSameAs(WarningHandlers.logging()));
        this.runner.withPropertyValues("kube.client.warnings=ignore")
            .run((context) -> assertThat(context.getBean(RestConfig.class).warningHandler())
                .isSameAs(WarningHandlers.none()));
        this.runner.withPropertyValues("kube.client.warnings=log-every").run((context) -> {
            for (int i = 0; i < 2; i++) {
                enqueue(this.servers.main, 200, POD, "Warning", "299 - \"deprecated thing\"");
                context.getBean(RESTClient.class).get().resource("pods").execute();
            }
            assertThat(output.getOut().split("Warning: deprecated thing", -1)).hasSize(3);
        });
    }

    @Test
    void insecureSkipTlsVerifyDropsTheCertificateAuthority() {
        this.runner.withPropertyValues("kube.client.insecure-skip-tls-verify=true").run((context) -> {
            RestConfig config = context.getBean(RestConfig.class);
            assertThat(config.insecure()).isTrue();
            assertThat(config.hasCA()).isFalse();
            assertThat(getPod(context, this.servers.main).getHeaders().get("Authorization")).isEqualTo("Bearer alice-token");
        });
    }

    @Test
    void certificateAuthorityIsTrusted() {
        Path caFile = KubeTestServers.write(this.dir.resolve("ca.crt"), KubeTestServers.CA.certificatePem());
        this.runner.withPropertyValues("kube.client.context=noca").run((context) -> {
            assertThatThrownBy(() -> getPod(context, this.servers.main)).isInstanceOf(KubeException.class);
        });
        this.runner.withPropertyValues("kube.client.context=noca", "kube.client.certificate-authority=" + caFile)
            .run((context) -> {
                assertThat(context.getBean(RestConfig.class).caFile()).isEqualTo(caFile);
                assertThat(getPod(context, this.servers.main).getHeaders().get("Authorization"))
                    .isEqualTo("Bearer alice-token");
            });
    }

    @Test
    void tlsServerNameIsCheckedInTheCertificate() {
        this.runner.withPropertyValues("kube.client.tls-server-name=kube.internal").run((context) -> {
            assertThat(context.getBean(RestConfig.class).serverName()).isEqualTo("kube.internal");
            assertThat(getPod(context, this.servers.main).getHeaders().get("Authorization")).isEqualTo("Bearer alice-token");
        });
        this.runner.withPropertyValues("kube.client.tls-server-name=not-in-the.certificate")
            .run((context) -> assertThatThrownBy(() -> context.getBean(RESTClient.class).get().resource("pods").execute())
                .isInstanceOf(KubeException.class));
    }

    @Test
    void discoveryCacheTtlReachesTheDiscoveryClient() {
        this.runner.withPropertyValues("kube.client.discovery.cache-ttl=45s")
            .run((context) -> assertThat(((ExpiringCachedDiscovery) context.getBean(CachedDiscoveryInterface.class)).ttl())
                .isEqualTo(Duration.ofSeconds(45)));
        this.runner.run((context) -> assertThat(((ExpiringCachedDiscovery) context.getBean(CachedDiscoveryInterface.class)).ttl())
            .isEqualTo(Duration.ofMinutes(10)));
    }

    @Test
    void discoveryIsCachedAndAsksTheServerOnlyOnFirstUse() {
        this.runner.run((context) -> {
            enqueue(this.servers.main, 200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}");
            enqueue(this.servers.main, 200, "{\"kind\":\"APIGroupList\",\"groups\":[]}");
            enqueue(this.servers.main, 200, "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":"
                    + "[{\"name\":\"pods\",\"singularName\":\"pod\",\"namespaced\":true,\"kind\":\"Pod\",\"verbs\":[\"get\"]}]}");
            CachedDiscoveryInterface discovery = context.getBean(CachedDiscoveryInterface.class);
            assertThat(discovery.serverResourcesForGroupVersion("v1").getResources()).hasSize(1);
            int requests = this.servers.main.getRequestCount();
            assertThat(discovery.serverResourcesForGroupVersion("v1").getResources()).hasSize(1);
            assertThat(this.servers.main.getRequestCount()).isEqualTo(requests);
        });
    }

    // ---- back-off and customizers

    @Test
    void backsOffFromUserBeans() {
        RestConfig userConfig = RestConfig.builder().host(url(this.servers.other)).build();
        RateLimiter userLimiter = RateLimiters.alwaysAccept();
        this.runner.withBean(RestConfig.class, () -> userConfig)
            .withBean(RateLimiter.class, () -> userLimiter)
            .run((context) -> {
                assertThat(context.getBean(RestConfig.class)).isSameAs(userConfig);
                assertThat(context.getBean(RateLimiter.class)).isSameAs(userLimiter);
            });
        this.runner.withUserConfiguration(UserClientsConfiguration.class).run((context) -> {
            assertThat(context.getBean(RESTClient.class)).isSameAs(context.getBean("myRestClient"));
            assertThat(context.getBean(Clientset.class)).isSameAs(context.getBean("myClientset"));
            assertThat(context.getBean(DynamicClient.class)).isSameAs(context.getBean("myDynamicClient"));
            assertThat(context.getBean(RESTMapper.class)).isSameAs(context.getBean("myMapper"));
        });
    }

    @Test
    void userConnectionDetailsReplaceTheKubeconfig() {
        KubeConnectionDetails details = new KubeConnectionDetails() {
            @Override
            public RestConfig restConfig() {
                return RestConfig.builder()
                    .host(url(KubeClientAutoConfigurationTests.this.servers.other))
                    .caData(KubeTestServers.CA.certificatePem().getBytes(StandardCharsets.US_ASCII))
                    .bearerToken("details-token")
                    .build();
            }
        };
        this.runner.withPropertyValues("kube.client.kubeconfig=/does/not/matter", "kube.client.user-agent=ua")
            .withBean(KubeConnectionDetails.class, () -> details)
            .run((context) -> {
                RecordedRequest r = getPod(context, this.servers.other);
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer details-token");
                assertThat(r.getHeaders().get("User-Agent")).isEqualTo("ua");
            });
    }

    @Test
    void customizersRunInOrderAfterTheProperties() {
        this.runner.withPropertyValues("kube.client.user-agent=from-properties")
            .withUserConfiguration(CustomizerConfiguration.class)
            .run((context) -> assertThat(context.getBean(RestConfig.class).userAgent()).isEqualTo("from-properties+first+second"));
    }

    // ---- bad input

    @Test
    void unknownModeFailsNamingTheProperty() {
        this.runner.withPropertyValues("kube.client.mode=sideways").run((context) -> assertThat(context).getFailure()
            .hasStackTraceContaining("kube.client.mode"));
    }

    @Test
    void negativeBurstFailsNamingTheProperty() {
        this.runner.withPropertyValues("kube.client.burst=-1").run((context) -> assertThat(context).getFailure()
            .rootCause()
            .isInstanceOf(KubeClientConfigurationException.class)
            .hasMessageContaining("kube.client.burst")
            .hasMessageContaining("must not be negative"));
    }

    @Test
    void missingKubeconfigFileFailsNamingTheProperty() {
        this.runner.withPropertyValues("kube.client.kubeconfig=" + this.dir.resolve("missing"))
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("kube.client.kubeconfig[0]")
                .hasMessageContaining("does not exist"));
    }

    @Test
    void unknownContextFailsNamingThePropertyAndTheChoices() {
        this.runner.withPropertyValues("kube.client.context=prod", "kube.client.token=secret-value")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("kube.client.context")
                .hasMessageContaining("\"prod\"")
                .hasMessageContaining("[main, other, noca]")
                .hasMessageNotContaining("secret-value")
                .hasMessageNotContaining("alice-token"));
    }

    @Test
    void invalidValuesFailNamingTheProperty() {
        for (String[] bad : new String[][] { { "kube.client.max-retries=-1", "kube.client.max-retries" },
                { "kube.client.connect-timeout=0s", "kube.client.connect-timeout" },
                { "kube.client.timeout=-1s", "kube.client.timeout" },
                { "kube.client.proxy-url=ftp://proxy", "kube.client.proxy-url" },
                { "kube.client.token-file=" + this.dir.resolve("nope"), "kube.client.token-file" },
                { "kube.client.certificate-authority=" + this.dir.resolve("nope"), "kube.client.certificate-authority" },
                { "kube.client.discovery.cache-ttl=-1s", "kube.client.discovery.cache-ttl" } }) {
            this.runner.withPropertyValues(bad[0])
                .run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining(bad[1]));
        }
    }

    @Test
    void noConfigurationAtAllIsExplainedByTheFailureAnalyzer() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
            .withPropertyValues("HOME=" + this.dir.resolve("empty-home"), "KUBECONFIG=", "KUBERNETES_SERVICE_HOST=")
            .run((context) -> {
                assertThat(context).getFailure().rootCause().isInstanceOf(NoKubeConfigurationException.class);
                var analysis = new KubeClientFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("found no Kubernetes configuration")
                    .contains(this.dir.resolve("empty-home").resolve(".kube").resolve("config").toString());
                assertThat(analysis.getAction()).contains("kube.client.kubeconfig", "KUBECONFIG",
                        "kube.client.master-url", "kube.client.enabled=false");
            });
    }

    @Test
    void kubeconfigModeDoesNotFallBackToInCluster() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
            .withPropertyValues("HOME=" + this.dir.resolve("empty-home"), "KUBECONFIG=", "kube.client.mode=kubeconfig",
                    "KUBERNETES_SERVICE_HOST=10.0.0.1", "KUBERNETES_SERVICE_PORT=443")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(NoKubeConfigurationException.class)
                .hasMessageNotContaining("in-cluster"));
    }

    @Test
    void inClusterModeOutsideAPodIsExplained() {
        this.runner.withPropertyValues("kube.client.mode=in-cluster").run((context) -> {
            assertThat(context).getFailure().rootCause().isInstanceOf(NoKubeConfigurationException.class)
                .hasMessageContaining("in-cluster");
            assertThat(new KubeClientFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
                .contains("kube.client.enabled=false");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class SnakeCaseMapperConfiguration {

        @Bean
        @Primary
        JsonMapper applicationMapper() {
            return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserClientsConfiguration {

        @Bean
        RESTClient myRestClient(RestConfig config) {
            return RESTClient.forConfig(config.toBuilder().apiPath("/apis")
                .groupVersion(io.kubeclient.apimachinery.schema.GroupVersion.of("apps", "v1")).build());
        }

        @Bean
        Clientset myClientset(RestConfig config) {
            return Clientset.newForConfig(config);
        }

        @Bean
        DynamicClient myDynamicClient(RestConfig config) {
            return DynamicClient.newForConfig(config);
        }

        @Bean
        RESTMapper myMapper(CachedDiscoveryInterface discovery) {
            return new DeferredDiscoveryRESTMapper(discovery);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        @Bean
        @Order(2)
        RestConfigCustomizer second() {
            return (builder) -> builder.userAgent(builder.build().userAgent() + "+second");
        }

        @Bean
        @Order(1)
        RestConfigCustomizer first() {
            return (builder) -> builder.userAgent(builder.build().userAgent() + "+first");
        }
    }
}
