package io.kubeclient.samples.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the dashboard should serve its embedded demo cluster: the {@code demo} profile is
 * active, or nothing tells the client where a real cluster is (no {@code kube.client.kubeconfig} or
 * {@code kube.client.master-url}, no existing file in {@code KUBECONFIG} or {@code ~/.kube/config},
 * not running in a pod).
 */
final class DemoModeCondition extends SpringBootCondition {

    static final String DEMO_PROFILE = "demo";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        if (env.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            return ConditionOutcome.match("the demo profile is active");
        }
        String found = realClusterConfiguration(env);
        return (found == null) ? ConditionOutcome.match("no kubeconfig and not in a cluster")
                : ConditionOutcome.noMatch("a real cluster is configured: " + found);
    }

    /** What points at a real cluster, or {@code null} when nothing does. */
    static String realClusterConfiguration(Environment env) {
        if (hasText(env.getProperty("kube.client.kubeconfig")) || hasText(env.getProperty("kube.client.kubeconfig[0]"))) {
            return "kube.client.kubeconfig";
        }
        if (hasText(env.getProperty("kube.client.master-url"))) {
            return "kube.client.master-url";
        }
        if (hasText(env.getProperty("KUBERNETES_SERVICE_HOST"))) {
            return "in-cluster service account";
        }
        String kubeconfig = env.getProperty("KUBECONFIG");
        if (hasText(kubeconfig)) {
            for (String file : kubeconfig.split(java.io.File.pathSeparator)) {
                if (!file.isBlank() && Files.isRegularFile(Path.of(file))) {
                    return "KUBECONFIG file " + file;
                }
            }
        }
        String home = env.getProperty("HOME", env.getProperty("user.home", ""));
        if (!home.isEmpty() && Files.isRegularFile(Path.of(home, ".kube", "config"))) {
            return "~/.kube/config";
        }
        return null;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
