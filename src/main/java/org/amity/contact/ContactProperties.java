package org.amity.contact;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultPreset  the policy preset for customers whose address country no preset claims
 * @param productPresets per-product overrides of the preset, e.g. {@code amity.contact.product-presets.CARD=CN}
 * @param optimisticTries how often a reservation decides again on fresh facts after another decision booked for the same
 *                        customer in between, before it decides under a lock instead (0: always under the lock)
 * @param recorderGather how long the thread that records refusals waits for more rows when it finds only a few queued
 *                       (0: never waits); see {@link DecisionInserts}
 */
@ConfigurationProperties("amity.contact")
public record ContactProperties(@DefaultValue("US_REG_F") String defaultPreset, Map<String, String> productPresets,
                                @DefaultValue("4") int optimisticTries, @DefaultValue("200us") Duration recorderGather) {

    public String presetForProduct(String product) {
        return productPresets == null || product == null ? null : productPresets.get(product);
    }
}
