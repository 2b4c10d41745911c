package org.amity.negotiation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.amity.ledger.domain.RepaymentMethod;
import org.amity.ledger.domain.ScheduledInstalment;
import org.junit.jupiter.api.Test;

/**
 * Properties over many generated loan positions and hardships (seeded, so a failure reproduces): the maths keeps
 * its promises for every input, not only the worked examples.
 */
class OptionFairnessPropertyTest {

    private static final List<String> PRODUCTS = List.of("CONSUMER", "HOUSING", "CREDIT_CARD");

    record Case(ArrangementPolicy policy, LoanPosition position, Hardship hardship, LocalDate first) {
    }

    private static Case generate(Random random) {
        String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        BigDecimal principal = BigDecimal.valueOf(1 + random.nextInt(200_000_000), 2);
        BigDecimal rate = BigDecimal.valueOf(random.nextInt(2400), 4);
        BigDecimal interest = BigDecimal.valueOf(random.nextInt(500_000), 2);
        BigDecimal fees = random.nextBoolean() ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(random.nextInt(300_000), 2);
        LocalDate today = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(1500));
        LoanPosition p = new LoanPosition(product, "CNY", rate,
                random.nextBoolean() ? RepaymentMethod.EQUAL_INSTALLMENT : RepaymentMethod.EQUAL_PRINCIPAL, today,
                random.nextInt(400), principal, interest, fees, random.nextInt(400), principal.add(interest).add(fees),
                random.nextInt(3));
        Hardship h = new Hardship("INCOME_LOSS", BigDecimal.valueOf(random.nextInt(5_000_000), 2),
                BigDecimal.valueOf(random.nextInt(4_000_000), 2), random.nextInt(6));
        return new Case(Policies.bundled(product), p, h, today.plusMonths(1));
    }

    @Test
    void identicalFactsGiveIdenticalOptionsWhoeverTheCustomerIs() {
        // the calculator receives no customer identity at all; here two requests with the same facts, made for two
        // different customers (different names, ids, reasons worded differently) must give the same quote
        Random random = new Random(20261123);
        for (int i = 0; i < 300; i++) {
            Case c = generate(random);
            Hardship sameFactsOtherCustomer = new Hardship("Lost my job (customer B)", c.hardship().monthlyIncome(),
                    c.hardship().monthlyEssentialExpenses(), c.hardship().dependants());
            Quote a = OptionCalculator.quote(c.policy(), c.position(), c.hardship(), c.first());
            Quote b = OptionCalculator.quote(Policies.bundled(c.position().product()), c.position(), sameFactsOtherCustomer, c.first());
            assertThat(b).as("case %d", i).isEqualTo(a);
        }
    }

    @Test
    void totalPayableIsNeverBelowTheUnpaidPrincipalUnlessTheOptionWaivesTheDifference() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            Case c = generate(random);
            for (ArrangementOption o : OptionCalculator.quote(c.policy(), c.position(), c.hardship(), c.first()).options()) {
                assertThat(o.totalPayable().add(o.waivedAmount())).as("case %d %s", i, o.optionId())
                        .isGreaterThanOrEqualTo(c.position().unpaidPrincipal());
                if (o.waivedAmount().signum() == 0) {
                    assertThat(o.totalPayable()).isGreaterThanOrEqualTo(c.position().unpaidPrincipal());
                }
            }
        }
    }

    @Test
    void everyScheduleRepaysExactlyTheBalanceItStartsFromAndStaysWithinTheLongestTerm() {
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            Case c = generate(random);
            for (ArrangementOption o : OptionCalculator.quote(c.policy(), c.position(), c.hardship(), c.first()).options()) {
                BigDecimal principal = o.schedule().stream().map(ScheduledInstalment::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal expected = c.position().balance().subtract(o.type() == OptionType.PAYMENT_HOLIDAY ? BigDecimal.ZERO : o.waivedAmount());
                if (o.type() == OptionType.PAYMENT_HOLIDAY) {
                    assertThat(principal).as("case %d %s", i, o.optionId()).isGreaterThanOrEqualTo(expected);
                } else {
                    assertThat(principal).as("case %d %s", i, o.optionId()).isEqualTo(expected);
                }
                assertThat(o.termMonths() + o.holidayMonths()).isLessThanOrEqualTo(c.policy().maxTermMonths());
                assertThat(o.waivedAmount()).isLessThanOrEqualTo(c.policy().maxWaiver().max(o.type() == OptionType.PAYMENT_HOLIDAY
                        ? o.waivedAmount() : BigDecimal.ZERO));
                BigDecimal largest = o.schedule().stream().map(ScheduledInstalment::total).max(BigDecimal::compareTo).orElseThrow();
                assertThat(o.affordable()).isEqualTo(largest.compareTo(OptionCalculator.affordableLimit(c.policy(), c.hardship())) <= 0);
                assertThat(o.monthlyPayment()).isEqualTo(o.schedule().get(0).total());
            }
        }
    }

    @Test
    void anInstalmentPlanTakesTheShortestAffordableTermOfThePolicysLadder() {
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            Case c = generate(random);
            Quote q = OptionCalculator.quote(c.policy(), c.position(), c.hardship(), c.first());
            q.options().stream().filter(o -> o.type() == OptionType.INSTALMENT_PLAN && o.affordable()).forEach(plan -> {
                for (int shorter : c.policy().planTerms()) {
                    if (shorter >= plan.termMonths()) {
                        break;
                    }
                    BigDecimal payment = org.amity.ledger.domain.ScheduleCalculator.generate(c.position().balance(),
                                    c.position().annualRate(), shorter, plan.schedule().size() > 1 && isPrincipal(plan)
                                            ? RepaymentMethod.EQUAL_PRINCIPAL : RepaymentMethod.EQUAL_INSTALLMENT, c.first())
                            .stream().map(ScheduledInstalment::total).max(BigDecimal::compareTo).orElseThrow();
                    assertThat(payment).as("a shorter term %d would have been affordable", shorter).isGreaterThan(q.affordableLimit());
                }
            });
        }
    }

    @Test
    void theInstalmentPlanShortcutChoosesWhatGeneratingEveryScheduleOfTheLadderWouldChoose() {
        Random random = new Random(99);
        for (int i = 0; i < 300; i++) {
            Case c = generate(random);
            Quote q = OptionCalculator.quote(c.policy(), c.position(), c.hardship(), c.first());
            q.options().stream().filter(o -> o.type() == OptionType.INSTALMENT_PLAN).forEach(plan -> {
                RepaymentMethod method = c.position().method() == RepaymentMethod.EQUAL_PRINCIPAL
                        && c.policy().method() == ArrangementPolicy.RepaymentMethodChoice.SAME_AS_LOAN
                        || c.policy().method() == ArrangementPolicy.RepaymentMethodChoice.EQUAL_PRINCIPAL
                        ? RepaymentMethod.EQUAL_PRINCIPAL : RepaymentMethod.EQUAL_INSTALLMENT;
                List<ScheduledInstalment> chosen = null;
                for (int term : c.policy().planTerms()) { // the rule as documented, every schedule generated
                    List<ScheduledInstalment> s = org.amity.ledger.domain.ScheduleCalculator.generate(c.position().balance(),
                            c.position().annualRate(), term, method, c.first());
                    BigDecimal largest = s.stream().map(ScheduledInstalment::total).max(BigDecimal::compareTo).orElseThrow();
                    if (chosen != null && largest.compareTo(c.policy().minFirstPayment()) < 0) {
                        break;
                    }
                    chosen = s;
                    if (largest.compareTo(q.affordableLimit()) <= 0) {
                        break;
                    }
                }
                assertThat(plan.schedule()).isEqualTo(chosen);
            });
        }
    }

    private static boolean isPrincipal(ArrangementOption plan) {
        List<ScheduledInstalment> s = plan.schedule();
        return s.size() > 2 && s.get(0).principal().equals(s.get(1).principal()) && !s.get(0).total().equals(s.get(1).total());
    }
}
