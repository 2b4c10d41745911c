package org.amity.demo;

import org.springframework.stereotype.Component;

/** The deterministic synthetic portfolio (filled in by the next commit). */
@Component
class DemoPortfolio {

    void load() {
    }
}
