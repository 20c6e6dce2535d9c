package io.kubeclient.spring.autoconfigure;

import io.kubeclient.rest.WarningHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every server warning (code 299) at WARN, repeats included: {@code kube.client.warnings=log-every}. */
final class LoggingWarningHandler implements WarningHandler {

    private static final Logger logger = LoggerFactory.getLogger(LoggingWarningHandler.class);

    @Override
    public void handleWarning(int code, String agent, String text) {
        if (code == 299 && text != null && !text.isEmpty()) {
            logger.warn("Warning: {}", text);
        }
    }

    @Override
    public String toString() {
        return "LoggingWarningHandler{every}";
    }
}
