package org.amity.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.amity.contact.HoldType;
import org.amity.contact.domain.ContactPolicy;
import org.amity.contact.domain.ContactRequest;
import org.amity.contact.domain.Decision;
import org.amity.contact.domain.DecisionEngine;
import org.amity.contact.domain.DecisionFacts;
import org.amity.contact.domain.HolidayCalendar;
import org.amity.contact.domain.PolicyLibrary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Pure rule evaluation of the contact decision engine on one thread, with the facts of a realistic collection
 * customer: 20 attempts in the last two weeks (calls, texts, emails, some not connected), an address zone and a
 * different phone-number zone, two contact points, an opt-out, an inconvenient period and an expired hold.
 * {@code allowed}: the call is allowed (the common case). {@code blocked}: the same call at 21:30, so the engine
 * also computes nextAllowedAt and the alternatives. Command and figures: docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionEngineBenchmark {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private DecisionEngine engine;
    private ContactPolicy policy;
    private DecisionFacts facts;
    private ContactRequest allowedCall;
    private ContactRequest lateCall;

    @Setup
    public void setUp() {
        engine = new DecisionEngine();
        policy = PolicyLibrary.bundled("UK_FCA").policyFor("US", null);
        UUID customer = UUID.randomUUID();
        UUID loan = UUID.randomUUID();
        UUID otherLoan = UUID.randomUUID();
        Instant now = LocalDateTime.of(2026, 3, 17, 10, 30).atZone(NEW_YORK).toInstant();
        ContactChannel[] channels = {ContactChannel.VOICE, ContactChannel.VOICE, ContactChannel.SMS, ContactChannel.EMAIL};
        ContactOutcome[] outcomes = {ContactOutcome.NO_ANSWER, ContactOutcome.NOT_CONNECTED, ContactOutcome.DELIVERED,
                ContactOutcome.VOICEMAIL, ContactOutcome.DELIVERED};
        List<DecisionFacts.Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // every ~16 hours over the last two weeks; about a debt, mostly this one
            attempts.add(new DecisionFacts.Attempt(now.minus(Duration.ofHours(10 + 16L * i)), channels[i % 4],
                    i % 7 == 6 ? ContactPurpose.REPAYMENT_REMINDER : ContactPurpose.COLLECTION, i % 5 == 4 ? otherLoan : loan,
                    outcomes[i % 5]));
        }
        facts = new DecisionFacts("en", List.of(NEW_YORK, CHICAGO),
                List.of(new DecisionFacts.ContactPoint(DecisionFacts.PointType.PHONE, "+13125550100", true, DecisionFacts.Owner.SELF),
                        new DecisionFacts.ContactPoint(DecisionFacts.PointType.EMAIL, "jo@example.com", true, DecisionFacts.Owner.SELF)),
                new DecisionFacts.LoanState(loan, 24, 5, false, LocalDate.of(2026, 2, 21)), false,
                new DecisionFacts.Preferences(Set.of(new DecisionFacts.OptOut(ContactChannel.EMAIL, ContactPurpose.MARKETING)),
                        Set.of(ContactChannel.EMAIL),
                        List.of(new DecisionFacts.InconvenientTime(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(8, 0), LocalTime.of(12, 0)))),
                List.of(new DecisionFacts.Hold(HoldType.COMPLAINT_OPEN, null, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(20)))),
                attempts, HolidayCalendar.bundled());
        allowedCall = new ContactRequest(customer, loan, ContactPurpose.COLLECTION, ContactChannel.VOICE, "+13125550100", now);
        lateCall = allowedCall.at(LocalDateTime.of(2026, 3, 17, 21, 30).atZone(NEW_YORK).toInstant());
        if (!engine.decide(allowedCall, facts, policy).allowed() || engine.decide(lateCall, facts, policy).nextAllowedAt() == null) {
            throw new IllegalStateException("benchmark facts do not give the intended decisions: "
                    + engine.decide(allowedCall, facts, policy) + " / " + engine.decide(lateCall, facts, policy));
        }
    }

    @Benchmark
    public Decision allowed() {
        return engine.decide(allowedCall, facts, policy);
    }

    @Benchmark
    public Decision blocked() {
        return engine.decide(lateCall, facts, policy);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder()
                .include(DecisionEngineBenchmark.class.getName())
                .threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .forks(1)
                .build()).run();
    }
}
