package io.kubeclient.kubernetes;

import io.kubeclient.apimachinery.patch.ApplyConfigurations;
import io.kubeclient.rest.InvalidRequestException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes apply configurations with {@link ApplyConfigurations#toApplyJson}: only the fields that were
 * set, no {@code null}s and no empty lists or maps (which would claim ownership of an empty list).
 */
final class ApplyJson {

    private ApplyJson() {}

    static byte[] encode(Object applyConfiguration) {
        try {
            return ApplyConfigurations.toApplyJson(applyConfiguration).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("unable to encode the apply configuration "
                    + applyConfiguration.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }
}
