package org.amity.contact;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultPreset  the policy preset for customers whose address country no preset claims
 * @param productPresets per-product overrides of the preset, e.g. {@code amity.contact.product-presets.CARD=CN}
 */
@ConfigurationProperties("amity.contact")
public record ContactProperties(@DefaultValue("US_REG_F") String defaultPreset, Map<String, String> productPresets) {

    public String presetForProduct(String product) {
        return productPresets == null || product == null ? null : productPresets.get(product);
    }
}
