package org.amity.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.amity.identity.UserAccounts;
import org.amity.ledger.CustomerService;
import org.amity.ledger.ImportKind;
import org.amity.ledger.ImportResult;
import org.amity.ledger.LedgerImports;
import org.amity.ledger.LoanApplicationService;
import org.amity.ledger.LoanApplicationView;
import org.amity.ledger.domain.RepaymentMethod;
import org.amity.ledger.domain.ScheduleCalculator;
import org.amity.ledger.domain.ScheduledInstalment;
import org.amity.platform.BusinessClock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A deterministic synthetic portfolio relative to the business date: customers in CN, US and GB; loans that are
 * current, paid today, partially paid or 1–200 days past due; open loan applications; and the named scenario
 * customers of the README that reproduce the field's problems. It is loaded through the same CSV import that
 * banks use, so the demo also exercises the import.
 */
@Component
class DemoPortfolio {

    private final DemoProperties properties;
    private final LedgerImports imports;
    private final CustomerService customers;
    private final LoanApplicationService applications;
    private final UserAccounts users;
    private final BusinessClock clock;

    DemoPortfolio(DemoProperties properties, LedgerImports imports, CustomerService customers,
                  LoanApplicationService applications, UserAccounts users, BusinessClock clock) {
        this.properties = properties;
        this.imports = imports;
        this.customers = customers;
        this.applications = applications;
        this.users = users;
        this.clock = clock;
    }

    enum Shape { CURRENT, PAID_TODAY, PAID_YESTERDAY, PARTIAL, OVERDUE }

    /** One loan to generate: its shape and, for the late ones, days past due and which instalment is the oldest unpaid. */
    record LoanPlan(String externalId, String customerExternalId, String product, String currency, BigDecimal principal,
                            BigDecimal rate, int term, RepaymentMethod method, int graceDays, Shape shape, int daysPastDue,
                            int oldestUnpaid, LocalDate firstDueOverride) {
    }

    private final class Csv {
        final StringWriter text = new StringWriter();
        final CSVPrinter printer;

        Csv(ImportKind kind) {
            try {
                printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(kind.columns().toArray(String[]::new)).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(Object... values) {
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void load(ImportKind kind) {
            ImportResult result = imports.importNow(kind, new StringReader(text.toString()));
            if (!result.succeeded()) {
                throw new IllegalStateException("Demo " + kind + " did not import: " + result.errorCount() + " errors, first "
                        + result.errors().subList(0, Math.min(5, result.errors().size())));
            }
        }
    }

    void load() {
        ZoneId zone = clock.bankZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Random random = new Random(properties.seed());
        Csv customerCsv = new Csv(ImportKind.CUSTOMERS);
        Csv loanCsv = new Csv(ImportKind.LOANS);
        Csv paymentCsv = new Csv(ImportKind.PAYMENTS);
        List<LoanPlan> loans = new ArrayList<>();
        Map<String, String> portalLogins = new LinkedHashMap<>();

        DemoScenarios.customers().forEach(s -> {
            customerCsv.row(s.externalId(), s.person().name(), s.person().nationalId(), s.person().language(), s.person().country(),
                    s.person().region(), s.person().city(), s.person().line(), s.person().timeZone(), s.person().phone(), true,
                    s.phoneOwner(), s.person().email(), s.emailVerified());
            portalLogins.put(s.externalId(), s.externalId());
        });
        loans.addAll(DemoScenarios.loans(today));

        int loanNumber = 1;
        for (int i = 1; i <= properties.customers(); i++) {
            String customerId = String.format("C%06d", i);
            SyntheticPeople.Person p = SyntheticPeople.person(random, i);
            customerCsv.row(customerId, p.name(), p.nationalId(), p.language(), p.country(), p.region(), p.city(), p.line(),
                    p.timeZone(), p.phone(), random.nextInt(10) < 9, "SELF", p.email(), p.email() != null && random.nextBoolean());
            portalLogins.put(customerId, customerId);
            int count = random.nextInt(5) == 0 ? 2 : 1;
            for (int k = 0; k < count; k++) {
                loans.add(randomLoan(random, String.format("L%07d", loanNumber++), customerId, p.country()));
            }
        }
        customerCsv.load(ImportKind.CUSTOMERS);

        for (LoanPlan plan : loans) {
            LocalDate firstDue = firstDueDate(plan, today);
            loanCsv.row(plan.externalId(), plan.customerExternalId(), plan.product(), plan.currency(), plan.principal(), plan.rate(),
                    plan.term(), plan.method(), firstDue.minusMonths(1), firstDue, plan.graceDays());
            payments(plan, firstDue, today, now, zone).forEach(paymentCsv::row);
        }
        loanCsv.load(ImportKind.LOANS);
        paymentCsv.load(ImportKind.PAYMENTS);

        Map<String, UUID> logins = new LinkedHashMap<>();
        portalLogins.forEach((username, externalId) ->
                customers.findByExternalId(externalId).ifPresent(c -> logins.put(username, c.id())));
        users.createPortalLogins(logins, "demo");
        openApplications(random);
    }

    private LoanPlan randomLoan(Random r, String externalId, String customerId, String country) {
        String currency = switch (country) {
            case "US" -> "USD";
            case "GB" -> "GBP";
            default -> "CNY";
        };
        boolean housing = r.nextInt(25) == 0;
        int term = housing ? List.of(120, 240, 360).get(r.nextInt(3)) : List.of(6, 12, 24, 36).get(r.nextInt(4));
        BigDecimal principal = BigDecimal.valueOf(housing ? 300_000 + r.nextInt(2_700) * 1000L : 3_000 + r.nextInt(1_970) * 100L)
                .setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal rate = BigDecimal.valueOf(housing ? 300 + r.nextInt(200) : 400 + r.nextInt(1400), 4);
        int roll = r.nextInt(100);
        Shape shape = roll < 45 ? Shape.CURRENT : roll < 55 ? Shape.PAID_TODAY : roll < 65 ? Shape.PARTIAL : Shape.OVERDUE;
        int dpd = switch (shape) {
            case CURRENT -> 0;
            case PAID_TODAY, PAID_YESTERDAY -> 1 + r.nextInt(10);
            case PARTIAL -> 1 + r.nextInt(60);
            case OVERDUE -> 1 + r.nextInt(200);
        };
        int oldestUnpaid = 1 + r.nextInt(Math.min(term, 6));
        return new LoanPlan(externalId, customerId, housing ? "HOUSING" : "CONSUMER", currency, principal, rate, term,
                r.nextBoolean() ? RepaymentMethod.EQUAL_INSTALLMENT : RepaymentMethod.EQUAL_PRINCIPAL, 3, shape, dpd, oldestUnpaid, null);
    }

    /** Puts the oldest unpaid instalment {@code daysPastDue} days before today (current loans: not yet due). */
    private static LocalDate firstDueDate(LoanPlan plan, LocalDate today) {
        if (plan.firstDueOverride() != null) {
            return plan.firstDueOverride();
        }
        if (plan.shape() == Shape.CURRENT) {
            return today.plusDays(1 + (plan.externalId().hashCode() & 0x1f) % 27).minusMonths(plan.oldestUnpaid() - 1L);
        }
        return today.minusDays(plan.daysPastDue()).minusMonths(plan.oldestUnpaid() - 1L);
    }

    private static List<Object[]> payments(LoanPlan plan, LocalDate firstDue, LocalDate today, Instant now, ZoneId zone) {
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(plan.principal(), plan.rate(), plan.term(), plan.method(), firstDue);
        List<Object[]> rows = new ArrayList<>();
        Instant earlierToday = now.minus(Duration.ofMinutes(10));
        for (ScheduledInstalment i : schedule) {
            boolean beforeOldestUnpaid = i.number() < plan.oldestUnpaid();
            if (beforeOldestUnpaid && i.dueDate().isBefore(today)) {
                rows.add(new Object[]{plan.externalId(), plan.externalId() + "-" + i.number(), i.total(),
                        i.dueDate().atTime(LocalTime.of(10, 0)).atZone(zone).toInstant()});
            } else if (i.number() == plan.oldestUnpaid()) {
                if (plan.shape() == Shape.PAID_TODAY) {
                    rows.add(new Object[]{plan.externalId(), plan.externalId() + "-" + i.number(), i.total(), earlierToday});
                } else if (plan.shape() == Shape.PAID_YESTERDAY) {
                    // paid yesterday evening: a call list printed before that is stale
                    rows.add(new Object[]{plan.externalId(), plan.externalId() + "-" + i.number(), i.total(),
                            today.minusDays(1).atTime(20, 15).atZone(zone).toInstant()});
                } else if (plan.shape() == Shape.PARTIAL) {
                    rows.add(new Object[]{plan.externalId(), plan.externalId() + "-" + i.number() + "P",
                            i.total().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN), earlierToday.minus(Duration.ofDays(1))});
                }
            }
        }
        return rows;
    }

    private void openApplications(Random random) {
        DemoScenarios.applications().forEach(a -> customers.findByExternalId(a.customerExternalId()).ifPresent(c -> {
            LoanApplicationView app = applications.submit(new LoanApplicationService.NewApplication(a.externalId(), c.id(),
                    a.product(), a.amount(), "CNY", a.documents()));
            a.received().forEach(doc -> applications.updateDocument(app.id(), doc, LoanApplicationView.DocumentState.RECEIVED, null));
            if (a.status() != LoanApplicationView.ApplicationStatus.SUBMITTED) {
                applications.changeStatus(app.id(), a.status(), null);
            }
        }));
        int count = Math.max(1, properties.customers() / 40);
        for (int n = 1; n <= count; n++) {
            String customerId = String.format("C%06d", 1 + random.nextInt(properties.customers()));
            int which = n;
            customers.findByExternalId(customerId).ifPresent(c -> {
                LoanApplicationView app = applications.submit(new LoanApplicationService.NewApplication(String.format("APP%06d", which),
                        c.id(), "HOUSING", BigDecimal.valueOf(200_000 + random.nextInt(80) * 10_000L).setScale(2), "CNY",
                        List.of("ID_CARD", "INCOME_PROOF", "PURCHASE_CONTRACT")));
                if (random.nextBoolean()) {
                    applications.changeStatus(app.id(), LoanApplicationView.ApplicationStatus.DOCUMENTS_REQUIRED, "请补充收入证明");
                } else {
                    List.of("ID_CARD", "INCOME_PROOF", "PURCHASE_CONTRACT").forEach(doc ->
                            applications.updateDocument(app.id(), doc, LoanApplicationView.DocumentState.RECEIVED, null));
                    applications.changeStatus(app.id(), LoanApplicationView.ApplicationStatus.UNDER_REVIEW, null);
                }
            });
        }
    }
}
