package io.kubeclient.spring.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Explains start-up failures caused by kube-client configuration: no configuration found at all
 * (with what to set), or a {@code kube.client.*} property that cannot be used.
 */
class KubeClientFailureAnalyzer implements FailureAnalyzer {

    static final String NO_CONFIGURATION_ACTION = "Tell kube-client where the API server is, in one of these ways:\n"
            + "\t- set kube.client.kubeconfig to the path of a kubeconfig file,\n"
            + "\t- set the KUBECONFIG environment variable, or create ~/.kube/config,\n"
            + "\t- set kube.client.master-url (with kube.client.token-file or kube.client.certificate-authority as needed),\n"
            + "\t- run the application in a Kubernetes pod with a service account (kube.client.mode=in-cluster),\n"
            + "\tor set kube.client.enabled=false to switch the Kubernetes client off.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
            if (t instanceof NoKubeConfigurationException missing) {
                return new FailureAnalysis("kube-client found no Kubernetes configuration. Looked at:\n\t- "
                        + String.join("\n\t- ", missing.searched()), NO_CONFIGURATION_ACTION, missing);
            }
            if (t instanceof KubeClientConfigurationException invalid) {
                return new FailureAnalysis("Invalid kube-client configuration: " + invalid.getMessage(),
                        invalid.action(), invalid);
            }
        }
        return null;
    }
}
