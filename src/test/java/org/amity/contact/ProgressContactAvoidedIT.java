package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.amity.contact.ContactDecisionService.DecisionRequest;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A progress call nobody needs is refused and announced, so messaging can send a portal link instead. */
@AmityIntegrationTest
@RecordApplicationEvents
class ProgressContactAvoidedIT {

    @LocalServerPort
    int port;
    @Autowired
    ContactDecisionService decisions;
    @Autowired
    ApplicationEvents events;

    private UUID customerWithoutApplications() {
        Response r = Api.as(port, "admin").post("/api/v1/customers", """
                {"externalId":"PCA-%s","name":"自助","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"+8613800000029","verified":true}]}""".formatted(UUID.randomUUID()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    @Test
    void aRefusedProgressCallIsAnnouncedOnce() {
        UUID customer = customerWithoutApplications();
        var view = decisions.decide(new DecisionRequest(customer, null, ContactPurpose.APPLICATION_PROGRESS, ContactChannel.VOICE,
                "+8613800000029", false, null, null), "en");

        assertThat(view.reasons()).extracting(ContactDecisionService.ReasonView::code).contains("NO_ACTION_REQUIRED");
        assertThat(events.stream(ProgressContactAvoided.class)).singleElement().satisfies(e -> {
            assertThat(e.customerId()).isEqualTo(customer);
            assertThat(e.decisionId()).isEqualTo(view.decisionId());
            assertThat(e.channel()).isEqualTo(ContactChannel.VOICE);
        });
    }

    @Test
    void aWhatIfDecisionAnnouncesNothing() {
        UUID customer = customerWithoutApplications();
        decisions.decide(new DecisionRequest(customer, null, ContactPurpose.APPLICATION_PROGRESS, ContactChannel.VOICE,
                "+8613800000029", false, null, Instant.parse("2026-12-01T02:00:00Z")), "en");
        decisions.decide(new DecisionRequest(customer, null, ContactPurpose.SERVICE, ContactChannel.SMS,
                "+8613800000029", false, null, null), "en");

        assertThat(events.stream(ProgressContactAvoided.class)).isEmpty();
    }
}
