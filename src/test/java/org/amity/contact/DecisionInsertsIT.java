package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.amity.platform.TimeOrderedIds;
import org.amity.support.AmityIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refusals are recorded many to a statement; each row must still be recorded only where its own guard holds (the
 * customer's contact version, the policy revision, the ledger version of a kept standing), and as given.
 */
@AmityIntegrationTest
class DecisionInsertsIT {

    static final Instant AT = Instant.parse("2026-11-24T02:00:00.123456Z");

    @Autowired
    DecisionInserts inserts;

    @Autowired
    JdbcClient jdbc;

    long revision;

    @BeforeEach
    void policyRevision() {
        revision = jdbc.sql("SELECT revision FROM contact_policy_revision").query(Long.class).single();
    }

    /** A refusal for a customer nobody has contacted (contact version 0) and no kept standing. */
    DecisionInserts.Row row(UUID customer, long seen, long policyRevision, Long ledgerVersion) {
        return new DecisionInserts.Row(TimeOrderedIds.next(), customer, null, "COLLECTION", "VOICE", "+8613700000001", AT,
                AT.plusMillis(3), false, "[{\"code\":\"DAILY_CAP\"}]", null, "[{\"channel\":\"SMS\"}]", "CN@7", "dialer",
                seen, policyRevision, ledgerVersion);
    }

    boolean recorded(DecisionInserts.Row row) {
        return jdbc.sql("SELECT count(*) FROM contact_decision WHERE id = ?").param(row.id()).query(Long.class).single() == 1;
    }

    @Test
    void eachRowOfOneStatementIsRecordedOnlyWhereItsOwnGuardHolds() {
        UUID contacted = UUID.randomUUID();
        jdbc.sql("INSERT INTO contact_customer_version (customer_id, version) VALUES (?, 5)").param(contacted).update();
        UUID borrower = UUID.randomUUID();
        long ledger = jdbc.sql("SELECT ledger_version(?)").param(borrower).query(Long.class).single();
        var current = List.of(row(UUID.randomUUID(), 0, revision, null), row(contacted, 5, revision, null),
                row(borrower, 0, revision, ledger));
        var stale = List.of(row(contacted, 4, revision, null), row(UUID.randomUUID(), 1, revision, null),
                row(UUID.randomUUID(), 0, revision - 1, null), row(borrower, 0, revision, ledger + 1));
        List<DecisionInserts.Row> rows = new ArrayList<>();
        for (int i = 0; i < stale.size(); i++) {
            rows.add(stale.get(i));
            if (i < current.size()) {
                rows.add(current.get(i));
            }
        }

        Map<UUID, DecisionInserts.Outcome> outcomes = inserts.insertAll(rows);

        current.forEach(r -> assertThat(outcomes.get(r.id()).recorded()).as("current %s", r).isTrue());
        stale.forEach(r -> assertThat(outcomes.get(r.id()).recorded()).as("stale %s", r).isFalse());
        current.forEach(r -> assertThat(recorded(r)).isTrue());
        stale.forEach(r -> assertThat(recorded(r)).isFalse());
    }

    @Test
    void aRowIsRecordedAsGiven() {
        DecisionInserts.Row row = new DecisionInserts.Row(TimeOrderedIds.next(), UUID.randomUUID(), UUID.randomUUID(),
                "REPAYMENT_REMINDER", "SMS", "+8613700000002", AT, AT.plusMillis(7), true, "[]",
                AT.plus(2, ChronoUnit.HOURS), "[]", "CN@9", "agent \"quoted\", {braced}", 0, revision, null);

        assertThat(inserts.insertIfCurrent(row)).isTrue();

        var stored = jdbc.sql("""
                SELECT customer_id, loan_id, purpose, channel, destination, evaluated_at, decided_at, allowed, reserved,
                       reasons, next_allowed_at, alternatives, policy_version, idempotency_key, requested_by
                  FROM contact_decision WHERE id = ?""").param(row.id()).query().singleRow();
        assertThat(stored.get("customer_id")).isEqualTo(row.customer());
        assertThat(stored.get("loan_id")).isEqualTo(row.loan());
        assertThat(stored.get("purpose")).isEqualTo("REPAYMENT_REMINDER");
        assertThat(stored.get("channel")).isEqualTo("SMS");
        assertThat(stored.get("destination")).isEqualTo("+8613700000002");
        assertThat(((java.sql.Timestamp) stored.get("evaluated_at")).toInstant()).isEqualTo(AT);
        assertThat(((java.sql.Timestamp) stored.get("decided_at")).toInstant()).isEqualTo(AT.plusMillis(7));
        assertThat(stored.get("allowed")).isEqualTo(true);
        assertThat(stored.get("reserved")).isEqualTo(false);
        assertThat(stored.get("reasons")).isEqualTo("[]");
        assertThat(((java.sql.Timestamp) stored.get("next_allowed_at")).toInstant()).isEqualTo(AT.plus(2, ChronoUnit.HOURS));
        assertThat(stored.get("policy_version")).isEqualTo("CN@9");
        assertThat(stored.get("idempotency_key")).isNull();
        assertThat(stored.get("requested_by")).isEqualTo("agent \"quoted\", {braced}");
    }

    @Test
    void aRowThatCannotBeRecordedFailsOnlyItsOwnCaller() {
        DecisionInserts.Row first = row(UUID.randomUUID(), 0, revision, null);
        assertThat(inserts.insertIfCurrent(first)).isTrue();
        DecisionInserts.Row sameId = new DecisionInserts.Row(first.id(), UUID.randomUUID(), null, "COLLECTION", "VOICE",
                null, AT, AT, false, "[]", null, "[]", "CN@7", "dialer", 0, revision, null);
        DecisionInserts.Row before = row(UUID.randomUUID(), 0, revision, null);
        DecisionInserts.Row after = row(UUID.randomUUID(), 0, revision, null);

        Map<UUID, DecisionInserts.Outcome> outcomes = inserts.insertAll(List.of(before, sameId, after));

        assertThat(outcomes.get(sameId.id()).failure()).isInstanceOf(DuplicateKeyException.class);
        assertThat(outcomes.get(before.id()).recorded()).isTrue();
        assertThat(outcomes.get(after.id()).recorded()).isTrue();
        assertThat(recorded(before) && recorded(after)).isTrue();
    }

    @Test
    @Timeout(120)
    void concurrentCallersEachGetTheirOwnRowsAnswer() throws Exception {
        int threads = 16;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<DecisionInserts.Row>>> wrong = new ArrayList<>();
            List<DecisionInserts.Row> all = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                wrong.add(pool.submit(() -> {
                    List<DecisionInserts.Row> mismatched = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        boolean current = (i + Thread.currentThread().getId()) % 3 != 0;
                        DecisionInserts.Row r = row(UUID.randomUUID(), current ? 0 : 1, revision, null);
                        all.add(r);
                        if (inserts.insertIfCurrent(r) != current) {
                            mismatched.add(r);
                        }
                    }
                    return mismatched;
                }));
            }
            for (Future<List<DecisionInserts.Row>> f : wrong) {
                assertThat(f.get()).isEmpty();
            }
            long expected = all.stream().filter(r -> r.seenVersion() == 0).count();
            long stored = jdbc.sql("SELECT count(*) FROM contact_decision WHERE id = ANY(CAST(? AS uuid[]))")
                    .param(org.amity.platform.SqlArrays.uuids(all.stream().map(DecisionInserts.Row::id).toList()))
                    .query(Long.class).single();
            assertThat(stored).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
