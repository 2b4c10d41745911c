package org.amity.contact;

import org.amity.contact.domain.HolidayCalendar;
import org.amity.contact.domain.PolicyLibrary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContactConfiguration {

    /** The bundled presets merged with the house rules; a preset that does not parse stops the start-up. */
    @Bean
    PolicyLibrary contactPolicies(ContactProperties properties) {
        return PolicyLibrary.bundled(properties.defaultPreset());
    }

    @Bean
    HolidayCalendar holidayCalendar() {
        return HolidayCalendar.bundled();
    }
}
