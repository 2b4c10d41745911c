package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.amity.support.Borrowers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decisions about now reuse the contact facts they last read for a customer, and the ledger's kept standing, while the
 * customer's contact and ledger versions are unchanged. Every change must still count at once, whoever makes it: here the changes are written straight into the
 * tables, as another application instance (or any other writer) would, after a first decision has filled the cache.
 */
@AmityIntegrationTest
class ContactFactsFreshnessIT {

    static final String NOW = "2026-11-24T10:00:00+08:00";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    Api dialer;
    String customerId;
    String loanId;
    String phone;

    @BeforeEach
    void overdueBorrowerAtTenInTheMorning() {
        admin = Api.as(port, "admin");
        dialer = Api.as(port, "dialer");
        assertThat(admin.put("/api/v1/admin/clock", "{\"instant\":\"" + NOW + "\"}").status()).isEqualTo(200);
        phone = String.format("+86137%08d", (int) (Math.random() * 90_000_000) + 10_000_000);
        customerId = Borrowers.cnCustomer(admin, "FRESH-" + UUID.randomUUID(), "新鲜", phone);
        loanId = admin.post("/api/v1/loans", """
                {"externalId":"FRESHL-%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"1000.00",
                 "annualRate":"0.06","termMonths":6,"method":"EQUAL_PRINCIPAL","disbursedOn":"2026-09-01",
                 "firstDueDate":"2026-10-01","graceDays":3}""".formatted(UUID.randomUUID(), customerId)).text("id");
        assertThat(call().body().path("allowed").asBoolean()).as("allowed before any change, and now cached").isTrue();
    }

    @AfterEach
    void resetClock() {
        admin.delete("/api/v1/admin/clock");
    }

    /** A what-if collection call about now: decided on the cached facts when they are current. */
    Response call() {
        Response r = dialer.post("/api/v1/contact-decisions", """
                {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s","reserve":false}"""
                .formatted(customerId, loanId, phone));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    static String codes(Response r) {
        return r.body().path("reasons").findValuesAsString("code").toString();
    }

    @Test
    void aHoldWrittenByAnotherWriterStopsTheVeryNextDecision() {
        UUID hold = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO contact_hold (id, customer_id, type, valid_from, placed_by, placed_at)
                VALUES (?, ?::uuid, 'DISPUTE', ?, 'elsewhere', ?)""")
                .params(hold, customerId, Timestamp.from(Instant.parse("2026-11-24T00:00:00Z")), Timestamp.from(Instant.now())).update();
        Response held = call();
        assertThat(held.body().path("allowed").asBoolean()).as(held.raw()).isFalse();
        assertThat(codes(held)).contains("CONTACT_HOLD");

        jdbc.sql("UPDATE contact_hold SET lifted_at = ?, lifted_by = 'elsewhere' WHERE id = ?")
                .params(Timestamp.from(Instant.parse("2026-11-24T01:00:00Z")), hold).update();
        assertThat(call().body().path("allowed").asBoolean()).as("lifted elsewhere: allowed again").isTrue();
    }

    @Test
    void aLoanPaidUpByAnotherWriterIsNotCalledAboutInTheVeryNextDecision() {
        // the ledger's standing was kept by the first decision; the instalments are paid elsewhere
        jdbc.sql("UPDATE instalment SET paid_principal = principal, paid_interest = interest, paid_fees = fees WHERE loan_id = ?::uuid")
                .param(loanId).update();
        Response r = call();
        assertThat(r.body().path("allowed").asBoolean()).as(r.raw()).isFalse();
        assertThat(codes(r)).contains("NOT_OVERDUE");
    }

    @Test
    void anOptOutWrittenByAnotherWriterIsHonouredAtOnceAndItsRemovalToo() {
        jdbc.sql("INSERT INTO contact_opt_out (customer_id, channel, purpose, created_at) VALUES (?::uuid, 'VOICE', 'COLLECTION', now())")
                .param(customerId).update();
        Response out = call();
        assertThat(out.body().path("allowed").asBoolean()).as(out.raw()).isFalse();
        assertThat(codes(out)).contains("CHANNEL_OPTED_OUT");

        jdbc.sql("DELETE FROM contact_opt_out WHERE customer_id = ?::uuid").param(customerId).update();
        assertThat(call().body().path("allowed").asBoolean()).isTrue();
    }

    @Test
    void anInconvenientTimeWrittenByAnotherWriterIsHonouredAtOnce() {
        jdbc.sql("""
                INSERT INTO inconvenient_time (customer_id, position, days, from_time, to_time)
                VALUES (?::uuid, 0, ARRAY['TUE'], '09:00', '12:00')""").param(customerId).update();
        Response r = call();
        assertThat(r.body().path("allowed").asBoolean()).as(r.raw()).isFalse();
        assertThat(codes(r)).contains("INCONVENIENT_TIME");
    }

    @Test
    void aHolidayYearLoadedByAnotherWriterAppliesAtOnce() {
        String original = jdbc.sql("SELECT yaml FROM holiday_calendar_year WHERE jurisdiction = 'CN' AND year = 2026")
                .query(String.class).single();
        try {
            // as an administrator's load on another instance writes it: a new yaml and a new loaded_at
            jdbc.sql("UPDATE holiday_calendar_year SET yaml = ?, loaded_at = now() WHERE jurisdiction = 'CN' AND year = 2026")
                    .param(original.replace("holidays:\n", "holidays:\n  - {date: \"2026-11-24\", name: \"a test holiday\"}\n"))
                    .update();
            Response r = call();
            assertThat(r.body().path("allowed").asBoolean()).as(r.raw()).isFalse();
            assertThat(codes(r)).contains("HOLIDAY");
        } finally {
            jdbc.sql("UPDATE holiday_calendar_year SET yaml = ?, loaded_at = now() WHERE jurisdiction = 'CN' AND year = 2026")
                    .param(original).update();
        }
        assertThat(call().body().path("allowed").asBoolean()).as("the original year restored").isTrue();
    }

    @Test
    void anAttemptBookedByAnotherInstanceCountsTowardsTheCap() {
        Response first = book();
        assertThat(first.body().path("allowed").asBoolean()).as(first.raw()).isTrue();
        // another instance books the second call of the day: the same statement as ContactDecisionService's booking
        long seen = jdbc.sql("SELECT coalesce((SELECT version FROM contact_customer_version WHERE customer_id = ?::uuid), 0)")
                .param(customerId).query(Long.class).single();
        int booked = jdbc.sql("""
                WITH booked AS (
                    UPDATE contact_customer_version SET version = version + 1 WHERE customer_id = ?::uuid AND version = ? RETURNING 1)
                INSERT INTO contact_decision (id, customer_id, loan_id, purpose, channel, destination, evaluated_at, decided_at,
                    allowed, reserved, reasons, alternatives, policy_version, requested_by)
                SELECT gen_random_uuid(), ?::uuid, ?::uuid, 'COLLECTION', 'VOICE', ?, ?, ?, true, true, '[]', '[]', 'elsewhere', 'dialer'
                  FROM booked""")
                .params(customerId, seen, customerId, loanId, phone, Timestamp.from(OffsetDateTime.parse(NOW).toInstant()),
                        Timestamp.from(Instant.now())).update();
        assertThat(booked).isEqualTo(1);
        Response third = book();
        assertThat(third.body().path("allowed").asBoolean()).as(third.raw()).isFalse();
        assertThat(codes(third)).contains("DAILY_CAP");
    }

    @Autowired
    ContactDecisionService decisions;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    /**
     * A booking inside a transaction that rolls back must not reach the kept facts: the rolled-back booking's version
     * number is given again to the next committed change, and kept facts carrying its attempt would then pass for
     * current and count a call that never happened.
     */
    @Test
    void aBookingRolledBackIsNotCountedOnceTheVersionIsMovedAgain() {
        assertThat(book().body().path("allowed").asBoolean()).as("the first call of the day").isTrue();
        ContactDecisionService.DecisionRequest second = new ContactDecisionService.DecisionRequest(UUID.fromString(customerId),
                UUID.fromString(loanId), ContactPurpose.COLLECTION, ContactChannel.VOICE, phone, true, null, null);
        new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            assertThat(decisions.decide(second, "en").reserved()).as("booked inside the transaction").isTrue();
            status.setRollbackOnly();
        });
        // another writer's committed change moves the version to the number the rolled-back booking had given it
        jdbc.sql("UPDATE contact_customer_version SET version = version + 1 WHERE customer_id = ?::uuid").param(customerId).update();
        Response secondForReal = book();
        assertThat(secondForReal.body().path("allowed").asBoolean()).as("only one call was made: " + secondForReal.raw()).isTrue();
        assertThat(codes(book())).as("and now two").contains("DAILY_CAP");
    }

    Response book() {
        return dialer.post("/api/v1/contact-decisions", """
                {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s","reserve":true}"""
                .formatted(customerId, loanId, phone));
    }
}
