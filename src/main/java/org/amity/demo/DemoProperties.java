package org.amity.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled   on by default with the embedded database, off with an external one
 * @param customers size of the synthetic portfolio
 * @param seed      random seed: the same seed and business date give the same portfolio
 */
@ConfigurationProperties("amity.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("5000") int customers,
                             @DefaultValue("20261123") long seed) {
}
