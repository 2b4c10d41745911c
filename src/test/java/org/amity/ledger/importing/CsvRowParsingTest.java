package org.amity.ledger.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amity.ledger.ImportError;
import org.amity.ledger.ImportKind;
import org.junit.jupiter.api.Test;

class CsvRowParsingTest {

    private static final String CUSTOMERS = String.join(",", ImportKind.CUSTOMERS.columns()) + "\n";
    private static final String LOANS = String.join(",", ImportKind.LOANS.columns()) + "\n";
    private static final String PAYMENTS = String.join(",", ImportKind.PAYMENTS.columns()) + "\n";
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private final ImportErrors errors = new ImportErrors();

    @Test
    void readsAValidCustomerWithPhoneInE164AndBothContactPoints() {
        List<CustomerRows.Row> rows = customers(CUSTOMERS
                + "C1,Wang Fang,110101199003074514,zh-CN,cn,,Beijing,,Asia/Shanghai,138 0013 8000,TRUE,other,Wang@Example.cn,false\n");
        assertThat(errors.kept()).isEmpty();
        var c = rows.get(0).customer();
        assertThat(c.address().country()).isEqualTo("CN");
        assertThat(c.contactPoints()).extracting(p -> p.type() + ":" + p.value() + ":" + p.verified() + ":" + p.owner())
                .containsExactly("PHONE:+8613800138000:true:OTHER", "EMAIL:wang@example.cn:false:SELF");
    }

    @Test
    void mapsTheApiFieldOfAValidationProblemToTheCsvColumn() {
        customers(CUSTOMERS
                + "C1,N,110101199003074514,zh-CN,CN,,,,Asia/Nowhere,,,,,\n"
                + "C2,N,110101199003074514,zh-CN,XX,,,,Asia/Shanghai,,,,,\n"
                + "C3,N,110101199003074514,zh-CN,CN,,,,Asia/Shanghai,,,,bad-email,\n"
                + "C4,N,110101199003074514,zh-CN,CN,,,,Asia/Shanghai,12,,,bad-email,\n"
                + "C5,N,!!,zh-CN,CN,,,,Asia/Shanghai,,,,,\n"
                + ",N,110101199003074514,zh-CN,CN,,,,Asia/Shanghai,,,,,\n");
        assertThat(summary()).containsExactly(
                "2:time_zone:INVALID_TIME_ZONE",
                "3:country:INVALID_COUNTRY",
                "4:email:INVALID_EMAIL",
                "5:phone:INVALID_PHONE",
                "6:national_id:INVALID_NATIONAL_ID",
                "7:external_id:FIELD_REQUIRED");
    }

    @Test
    void reportsEveryUnreadableCellOfALoanRowNotJustTheFirst() {
        loans(LOANS + "L1,C1,CONSUMER,CNY,12k,six,12.5,BALLOON,2026-13-01,tomorrow,x\n");
        assertThat(summary()).containsExactly(
                "2:principal:INVALID_VALUE", "2:annual_rate:INVALID_VALUE", "2:term_months:INVALID_VALUE",
                "2:method:INVALID_ENUM_VALUE", "2:disbursed_on:INVALID_VALUE", "2:first_due_date:INVALID_VALUE",
                "2:grace_days:INVALID_VALUE");
    }

    @Test
    void validatesLoansWithTheApiRulesAndGeneratesTheSchedule() {
        List<LoanRows.Row> rows = loans(LOANS
                + "L1,C1,consumer,cny,12000,0.06,12,EQUAL_INSTALLMENT,2026-01-01,2026-02-01,\n"
                + "L2,C1,CONSUMER,CNY,12000,0.06,12,EQUAL_INSTALLMENT,2026-01-01,2025-12-01,0\n"
                + "L3,C1,CONSUMER,CNY,12000,1.5,12,EQUAL_INSTALLMENT,2026-01-01,2026-02-01,0\n"
                + "L4,C1,CONSUMER,CNY,12000,0.06,700,EQUAL_PRINCIPAL,2026-01-01,2026-02-01,0\n"
                + "L5,,CONSUMER,CNY,12000,0.06,12,EQUAL_PRINCIPAL,2026-01-01,2026-02-01,91\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).loan().product()).isEqualTo("CONSUMER");
        assertThat(rows.get(0).loan().schedule()).hasSize(12);
        assertThat(rows.get(0).loan().schedule().get(0).total()).isEqualByComparingTo("1032.80");
        assertThat(summary()).containsExactly(
                "3:first_due_date:FIRST_DUE_BEFORE_DISBURSEMENT",
                "4:annual_rate:INVALID_RATE",
                "5:term_months:INVALID_TERM",
                "6:customer_external_id:FIELD_REQUIRED");
    }

    @Test
    void checksPaymentsLikeThePaymentEndpoint() {
        List<PaymentRows.Row> rows = new ArrayList<>();
        CsvSource.read(new StringReader(PAYMENTS
                + "L1,R1,100.50,2026-11-01T09:00:00+08:00\n"
                + "L1,R2,100.505,2026-11-01T09:00:00+08:00\n"
                + "L1,,100,2026-11-01T09:00:00+08:00\n"
                + "L1,R4,100,2026-11-01 09:00\n"
                + "L1,R5,100,2026-11-23T00:04:00Z\n"
                + "L1,R6,100,2026-11-23T00:06:00Z\n"), ImportKind.PAYMENTS, errors, r -> {
            PaymentRows.Row p = PaymentRows.parse(r, errors, NOW);
            if (p != null) {
                rows.add(p);
            }
        });
        assertThat(rows).extracting(PaymentRows.Row::reference).containsExactly("R1", "R5");
        assertThat(summary()).containsExactly("3:amount:INVALID_AMOUNT", "4:reference:FIELD_REQUIRED",
                "5:received_at:INVALID_VALUE", "7:received_at:RECEIVED_IN_FUTURE");
    }

    @Test
    void countsLinesPhysicallySoAQuotedLineBreakOrABlankLineDoesNotShiftThem() {
        customers(CUSTOMERS
                + "C1,\"Two\nlines\",110101199003074514,zh-CN,CN,,,,Asia/Shanghai,,,,,\n"
                + "\n"
                + "C2,N,110101199003074514,zh-CN,CN,,,,Mars/Base,,,,,\n"
                + "C3,too,few\n");
        assertThat(summary()).containsExactly("5:time_zone:INVALID_TIME_ZONE", "6:null:WRONG_FIELD_COUNT");
    }

    @Test
    void refusesAHeaderWithUnknownOrMissingColumns() {
        long rows = CsvSource.read(new StringReader("loan_external_id,reference,amont,received_at\nL1,R1,1,\n"),
                ImportKind.PAYMENTS, errors, r -> {
                });
        assertThat(rows).isZero();
        assertThat(summary()).containsExactlyInAnyOrder("1:amont:UNKNOWN_COLUMN", "1:amount:MISSING_COLUMN");
    }

    @Test
    void stopsAtAnUnclosedQuote() {
        customers(CUSTOMERS + "C1,\"unclosed,110101199003074514,zh-CN,CN,,,,Asia/Shanghai,,,,,\n");
        assertThat(summary()).containsExactly("2:null:MALFORMED_CSV");
    }

    @Test
    void keepsAThousandErrorsButCountsThemAll() {
        StringBuilder file = new StringBuilder(PAYMENTS);
        for (int i = 0; i < 1500; i++) {
            file.append("L1,R").append(i).append(",-1,\n");
        }
        CsvSource.read(new StringReader(file.toString()), ImportKind.PAYMENTS, errors, r -> PaymentRows.parse(r, errors, NOW));
        assertThat(errors.count()).isEqualTo(1500);
        assertThat(errors.kept()).hasSize(1000);
    }

    @Test
    void theDocumentedExampleFilesAreValid() throws Exception {
        for (String name : List.of("customers", "loans", "payments")) {
            try (var in = getClass().getResourceAsStream("/import-examples/" + name + ".csv")) {
                String csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                ImportKind kind = ImportKind.valueOf(name.toUpperCase());
                long rows = CsvSource.read(new StringReader(csv), kind, errors, r -> {
                    switch (kind) {
                        case CUSTOMERS -> CustomerRows.parse(r, errors);
                        case LOANS -> LoanRows.parse(r, errors);
                        case PAYMENTS -> PaymentRows.parse(r, errors, NOW);
                    }
                });
                assertThat(rows).as(name).isEqualTo(3);
            }
        }
        assertThat(summary()).isEmpty();
    }

    private List<CustomerRows.Row> customers(String csv) {
        List<CustomerRows.Row> rows = new ArrayList<>();
        CsvSource.read(new StringReader(csv), ImportKind.CUSTOMERS, errors, r -> {
            CustomerRows.Row c = CustomerRows.parse(r, errors);
            if (c != null) {
                rows.add(c);
            }
        });
        return rows;
    }

    private List<LoanRows.Row> loans(String csv) {
        List<LoanRows.Row> rows = new ArrayList<>();
        CsvSource.read(new StringReader(csv), ImportKind.LOANS, errors, r -> {
            LoanRows.Row l = LoanRows.parse(r, errors);
            if (l != null) {
                rows.add(l);
            }
        });
        return rows;
    }

    private List<String> summary() {
        return errors.kept().stream().map((ImportError e) -> e.line() + ":" + e.column() + ":" + e.code()).toList();
    }
}
