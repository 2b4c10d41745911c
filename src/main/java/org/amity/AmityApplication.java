package org.amity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Amity: accurate, rare and fair borrower contact. One modular monolith; see DESIGN.md. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AmityApplication {

    public static void main(String[] args) {
        SpringApplication.run(AmityApplication.class, args);
    }
}
