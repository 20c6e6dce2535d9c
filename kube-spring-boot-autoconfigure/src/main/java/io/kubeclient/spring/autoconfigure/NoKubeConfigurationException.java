package io.kubeclient.spring.autoconfigure;

import io.kubeclient.KubeException;
import java.util.List;

/**
 * Neither a kubeconfig nor an in-cluster service account could be found; the failure analyzer turns
 * it into a start-up message that says what to set.
 */
public final class NoKubeConfigurationException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> searched;

    NoKubeConfigurationException(String message, List<String> searched) {
        super(message);
        this.searched = List.copyOf(searched);
    }

    /** What was looked at, in order (files and the in-cluster check). */
    public List<String> searched() {
        return searched;
    }
}
