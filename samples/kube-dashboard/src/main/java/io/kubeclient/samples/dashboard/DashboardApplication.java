package io.kubeclient.samples.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A one-page Kubernetes dashboard built on kube-client's Spring Boot starter: namespaces, deployments
 * and pods, kept live by watches and pushed to the browser as server-sent events.
 *
 * <p>With the {@code demo} profile (the default) or when no kubeconfig and no in-cluster service
 * account are found, it serves an embedded fake API server and a small simulator instead of a
 * real cluster.
 */
@SpringBootApplication
public class DashboardApplication {

    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }
}
