package org.amity.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.amity.ledger.domain.RepaymentMethod;
import org.amity.negotiation.domain.ArrangementPolicy;
import org.amity.negotiation.domain.ArrangementPolicyYaml;
import org.amity.negotiation.domain.Hardship;
import org.amity.negotiation.domain.LoanPosition;
import org.amity.negotiation.domain.OptionCalculator;
import org.amity.negotiation.domain.Quote;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One arrangement quote for a 360-month housing loan with every option type offered (the bundled HOUSING policy
 * with one days-past-due band offering all six types): the instalment-plan ladder (up to 7 schedules of up to
 * 360 instalments), term extension, rate reduction, payment holiday, fee waiver and settlement, each a full
 * schedule with the ledger's exact rounding. Sample mode, so JMH prints p50/p99/p99.9. Target (issue 6): p99 ≤ 5 ms.
 * Command and figures: docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QuoteBenchmark {

    /** EQUAL_INSTALLMENT (等额本息) or EQUAL_PRINCIPAL (等额本金) loans. */
    @Param({"EQUAL_INSTALLMENT", "EQUAL_PRINCIPAL"})
    public String method;

    private ArrangementPolicy policy;
    private LoanPosition position;
    private Hardship hardship;
    private LocalDate firstDue;

    @Setup
    public void setUp() throws IOException {
        String yaml;
        try (InputStream in = QuoteBenchmark.class.getClassLoader().getResourceAsStream("negotiation/policies/HOUSING.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String offers = yaml.substring(yaml.indexOf("offers:"), yaml.indexOf("sources:"));
        yaml = yaml.replace(offers, """
                offers:
                  - daysPastDue: "0-"
                    types: [INSTALMENT_PLAN, TERM_EXTENSION, RATE_REDUCTION, PAYMENT_HOLIDAY, FEE_WAIVER, SETTLEMENT]
                """);
        policy = ArrangementPolicyYaml.parse(yaml);
        LocalDate today = LocalDate.of(2026, 11, 23);
        // 1,000,000.00 at 4.9 % over 360 months, 40 days past due, nothing of the term used up yet
        position = new LoanPosition("HOUSING", "CNY", new BigDecimal("0.049"), RepaymentMethod.valueOf(method), today, 40,
                new BigDecimal("1000000.00"), new BigDecimal("8166.67"), new BigDecimal("350.00"), 300,
                new BigDecimal("1900000.00"), 0);
        hardship = new Hardship("INCOME_LOSS", new BigDecimal("18000.00"), new BigDecimal("11000.00"), 2);
        firstDue = today.plusMonths(1);
        Quote q = OptionCalculator.quote(policy, position, hardship, firstDue);
        if (q.options().size() != 6) {
            throw new IllegalStateException("expected all six option types, got " + q.options() + " / " + q.notOffered());
        }
    }

    @Benchmark
    public Quote quote() {
        return OptionCalculator.quote(policy, position, hardship, firstDue);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(QuoteBenchmark.class.getSimpleName()).forks(1).threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                .measurementTime(TimeValue.seconds(2)).build()).run();
    }
}
