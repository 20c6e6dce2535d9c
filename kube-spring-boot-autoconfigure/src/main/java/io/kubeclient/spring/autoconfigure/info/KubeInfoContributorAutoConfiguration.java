package io.kubeclient.spring.autoconfigure.info;

import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.spring.autoconfigure.KubeClientAutoConfiguration;
import io.kubeclient.spring.autoconfigure.KubeConnectionDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorFallback;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/** Registers {@link KubeInfoContributor} when {@code management.info.kube.enabled=true} (opt-in). */
@AutoConfiguration(after = KubeClientAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
@ConditionalOnSingleCandidate(RestConfig.class)
public final class KubeInfoContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kubeInfoContributor")
    @ConditionalOnEnabledInfoContributor(value = "kube", fallback = InfoContributorFallback.DISABLE)
    @Order(InfoContributorAutoConfiguration.DEFAULT_ORDER)
    KubeInfoContributor kubeInfoContributor(RestConfig restConfig, ObjectProvider<KubeConnectionDetails> connectionDetails,
            ObjectProvider<RateLimiter> rateLimiter) {
        return new KubeInfoContributor(restConfig, connectionDetails.getIfUnique(), rateLimiter.getIfUnique());
    }
}
