package org.amity.messaging.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Provider callbacks (delivery receipts, inbound SMS) authenticate by their HMAC signature over the raw body, not
 * by a login: this chain lets them reach {@link WebhookApi}, which refuses anything unsigned with 401.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain messagingWebhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/messaging/receipts/**", "/api/v1/messaging/inbound/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable());
        return http.build();
    }
}
