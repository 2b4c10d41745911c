package org.amity.platform;

import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.fasterxml.jackson.annotation.JsonFormat;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    BusinessClock businessClock(AmityProperties properties) {
        return new BusinessClock(Clock.systemUTC(), properties.bankZone());
    }

    /** Money travels as a decimal string ("1032.80"), never as a JSON number a client might round. */
    @Bean
    JsonMapperBuilderCustomizer moneyAsString() {
        return builder -> builder.withConfigOverride(BigDecimal.class,
                o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)));
    }
}
