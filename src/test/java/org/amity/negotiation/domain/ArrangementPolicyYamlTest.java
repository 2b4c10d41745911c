package org.amity.negotiation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled policies say what the regulations and house rules say, and a bad document is refused with its path. */
class ArrangementPolicyYamlTest {

    @ParameterizedTest(name = "{0}: longest term {1} months ({2})")
    @CsvSource({
            // 商业银行信用卡业务监督管理办法 第七十条: a personalised card instalment agreement runs at most 5 years
            "CREDIT_CARD, 60,  第七十条",
            "CONSUMER,    60,  第七十条",
            "HOUSING,     360, 30 years",
    })
    void theLongestTermIsPolicyDataWithItsSource(String product, int months, String citation) {
        ArrangementPolicy policy = Policies.bundled(product);
        assertThat(policy.maxTermMonths()).isEqualTo(months);
        assertThat(policy.planTerms()).allMatch(t -> t <= months);
        assertThat(policy.source("maxTermMonths")).contains(citation);
    }

    @ParameterizedTest(name = "{0}: instalment at most {1} of disposable income")
    @CsvSource({"CONSUMER, 0.50", "HOUSING, 0.50", "CREDIT_CARD, 0.50"})
    void theAffordabilityShareCitesConc7310(String product, BigDecimal share) {
        // CONC 7.3.10R: a firm must not pressurise a customer to pay in unreasonably large amounts
        ArrangementPolicy policy = Policies.bundled(product);
        assertThat(policy.maxInstalmentShareOfDisposable()).isEqualByComparingTo(share);
        assertThat(policy.source("maxInstalmentShareOfDisposable")).contains("CONC 7.3.10R");
    }

    @ParameterizedTest(name = "{0} at {1} days past due offers {2}")
    @CsvSource({
            "CONSUMER,    0,   PAYMENT_HOLIDAY TERM_EXTENSION INSTALMENT_PLAN FEE_WAIVER",
            "CONSUMER,    30,  PAYMENT_HOLIDAY TERM_EXTENSION INSTALMENT_PLAN FEE_WAIVER",
            "CONSUMER,    31,  INSTALMENT_PLAN TERM_EXTENSION PAYMENT_HOLIDAY FEE_WAIVER RATE_REDUCTION",
            "CONSUMER,    91,  INSTALMENT_PLAN FEE_WAIVER RATE_REDUCTION SETTLEMENT",
            "CONSUMER,    999, INSTALMENT_PLAN FEE_WAIVER RATE_REDUCTION SETTLEMENT",
            "CREDIT_CARD, 31,  INSTALMENT_PLAN FEE_WAIVER RATE_REDUCTION SETTLEMENT",
    })
    void whichOptionTypesAreOfferedDependsOnDaysPastDue(String product, int dpd, String types) {
        Set<OptionType> expected = java.util.Arrays.stream(types.split(" ")).map(OptionType::valueOf)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(Policies.bundled(product).offeredAt(dpd)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "maxTermMonths: 60|maxTermMonths: 700|maxTermMonths",
            "planTerms: [6, 12, 18, 24, 36, 48, 60]|planTerms: [6, 12, 90]|planTerms[2]",
            "planTerms: [6, 12, 18, 24, 36, 48, 60]|planTerms: [12, 6]|planTerms[1]",
            "maxInstalmentShareOfDisposable: \"0.50\"|maxInstalmentShareOfDisposable: \"1.5\"|maxInstalmentShareOfDisposable",
            "minFirstPayment: \"100.00\"|minFirstPayment: \"100.005\"|minFirstPayment",
            "  - daysPastDue: \"31-90\"|  - daysPastDue: \"32-90\"|offers[1].daysPastDue",
            "  - daysPastDue: \"91-\"|  - daysPastDue: \"91-400\"|offers",
            "types: [SETTLEMENT, RATE_REDUCTION]|types: [SETTLEMENT, DEBT_FORGIVENESS]|approval.types[1]",
            "method: SAME_AS_LOAN|method: BALLOON|method",
    })
    void aBadDocumentIsRefusedNamingTheEntry(String line, String replacement, String path) {
        String text = Policies.text("CONSUMER");
        assertThat(text).contains(line);
        assertThatThrownBy(() -> ArrangementPolicyYaml.parse(text.replace(line, replacement)))
                .isInstanceOf(PolicyFormatException.class)
                .satisfies(e -> assertThat(((PolicyFormatException) e).path()).isEqualTo(path));
    }
}
