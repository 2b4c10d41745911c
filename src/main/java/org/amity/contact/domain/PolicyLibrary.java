package org.amity.contact.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The presets merged with the house rules, and which one applies: chosen by the customer's address country
 * (each preset lists its countries), a configurable default for every other country, and a per-product override.
 */
public final class PolicyLibrary {

    public static final List<String> BUNDLED_PRESETS = List.of("CN", "US_REG_F", "UK_FCA");

    private final Map<String, ContactPolicy> byId;
    private final Map<String, ContactPolicy> byCountry = new LinkedHashMap<>();
    private final ContactPolicy fallback;

    public PolicyLibrary(List<ContactPolicy> presets, ContactPolicy house, String defaultPresetId) {
        byId = new LinkedHashMap<>();
        for (ContactPolicy preset : presets) {
            ContactPolicy merged = preset.withHouseRules(house);
            if (byId.put(preset.id(), merged) != null) {
                throw new IllegalArgumentException("preset " + preset.id() + " is given twice");
            }
            for (String country : preset.countries()) {
                if (byCountry.put(country, merged) != null) {
                    throw new IllegalArgumentException("country " + country + " is claimed by two presets");
                }
            }
        }
        fallback = preset(defaultPresetId);
    }

    /** The presets and house rules shipped in {@code contact/presets/} and {@code contact/house.yaml}. */
    public static PolicyLibrary bundled(String defaultPresetId) {
        List<ContactPolicy> presets = BUNDLED_PRESETS.stream()
                .map(id -> "contact/presets/" + id + ".yaml")
                .map(location -> ContactPolicyYaml.parse(YamlNode.resource(location), location))
                .toList();
        return new PolicyLibrary(presets, ContactPolicyYaml.parse(YamlNode.resource("contact/house.yaml"), "house"),
                defaultPresetId);
    }

    public ContactPolicy preset(String id) {
        ContactPolicy policy = byId.get(id);
        if (policy == null) {
            throw new IllegalArgumentException("no contact policy preset " + id + " (known: " + byId.keySet() + ")");
        }
        return policy;
    }

    /**
     * @param addressCountry ISO 3166-1 alpha-2 of the customer's address
     * @param productPreset the preset a product is configured with, or null to go by country
     */
    public ContactPolicy policyFor(String addressCountry, String productPreset) {
        if (productPreset != null) {
            return preset(productPreset);
        }
        return byCountry.getOrDefault(addressCountry, fallback);
    }
}
