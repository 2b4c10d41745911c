package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Other modules place and lift holds through events, in their own transaction, once per source. */
@AmityIntegrationTest
class ContactHoldEventsIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ContactHoldService holds;

    private UUID customer() {
        Response r = Api.as(port, "admin").post("/api/v1/customers", """
                {"externalId":"HOLDEV-%s","name":"事件","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"+8613800000019","verified":true}]}""".formatted(UUID.randomUUID()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    @Test
    void aRequestedHoldIsPlacedOnceEvenWhenTheEventRepeats() {
        UUID customer = customer();
        ContactHoldRequested request = new ContactHoldRequested(customer, null, HoldType.COMPLAINT_OPEN, "complaint:42",
                null, null, "complaint about calls");
        tx.executeWithoutResult(s -> events.publishEvent(request));
        tx.executeWithoutResult(s -> events.publishEvent(request));

        assertThat(holds.holdsOf(customer)).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo(HoldType.COMPLAINT_OPEN);
            assertThat(h.source()).isEqualTo("complaint:42");
            assertThat(h.liftedAt()).isNull();
        });
    }

    @Test
    void aHoldRequestedInARolledBackTransactionDoesNotExist() {
        UUID customer = customer();
        tx.executeWithoutResult(s -> {
            events.publishEvent(new ContactHoldRequested(customer, null, HoldType.COMPLAINT_OPEN, "complaint:7", null, null, null));
            s.setRollbackOnly();
        });
        assertThat(holds.holdsOf(customer)).isEmpty();
    }

    @Test
    void releaseLiftsOnlyTheHoldsOfThatSource() {
        UUID customer = customer();
        tx.executeWithoutResult(s -> {
            events.publishEvent(new ContactHoldRequested(customer, null, HoldType.COMPLAINT_OPEN, "complaint:1", null, null, null));
            events.publishEvent(new ContactHoldRequested(customer, null, HoldType.ARRANGEMENT_IN_GOOD_STANDING, "arrangement:9",
                    null, null, null));
        });
        tx.executeWithoutResult(s -> events.publishEvent(new ContactHoldReleased(customer, "complaint:1", "resolved")));
        tx.executeWithoutResult(s -> events.publishEvent(new ContactHoldReleased(customer, "complaint:1", "resolved")));

        assertThat(holds.holdsOf(customer)).hasSize(2)
                .allSatisfy(h -> assertThat(h.liftedAt() == null).isEqualTo(h.source().equals("arrangement:9")));
        Response audit = Api.as(port, "compliance").get("/api/v1/audit/events?entityType=Customer&entityId=" + customer);
        assertThat(audit.raw()).contains("CONTACT_HOLD_LIFTED", "complaint:1");
    }
}
