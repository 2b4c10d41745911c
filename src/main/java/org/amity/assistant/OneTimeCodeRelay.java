package org.amity.assistant;

import java.util.Map;
import org.amity.contact.ContactChannel;
import org.amity.identity.OneTimeCodeIssued;
import org.amity.messaging.Notice;
import org.amity.messaging.NotificationRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands a portal login code to messaging as an SMS notice, in the transaction that issued it (identity may not
 * depend on messaging; the portal module may). Messaging asks the contact engine and sends it through the outbox.
 */
@Component
class OneTimeCodeRelay {

    private final ApplicationEventPublisher events;

    OneTimeCodeRelay(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(OneTimeCodeIssued issued) {
        events.publishEvent(new NotificationRequested(issued.customerId(), null, Notice.ONE_TIME_CODE, ContactChannel.SMS,
                Map.of("code", issued.code(), "validMinutes", "5"), issued.idempotencyKey()));
    }
}
