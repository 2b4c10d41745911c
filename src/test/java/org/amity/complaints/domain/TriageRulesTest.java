package org.amity.complaints.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.amity.complaints.ComplaintCategory;
import org.amity.complaints.ComplaintChannel;
import org.amity.complaints.Complexity;
import org.amity.complaints.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Severity and complexity rules of complaints/policy.yaml (triage section), each with the reason it gives. */
class TriageRulesTest {

    static final TriageRules RULES = new TriageRules(SlaClockTest.POLICY.triage());

    @ParameterizedTest(name = "{0} \"{1}\" → {3}, {4}")
    @CsvSource(delimiter = '|', value = {
            "SERVICE_QUALITY       | 客服态度很差                              | 0.9 | LOW      | SIMPLE",
            "THIRD_PARTY_CONTACT   | 打给我同事说我欠钱                          | 0.9 | HIGH     | SIMPLE",
            // personal safety is always CRITICAL
            "EXCESSIVE_CONTACT     | 天天打电话，我都不想活了                      | 0.9 | CRITICAL | SIMPLE",
            // vulnerability and a regulator mention each raise one level
            "FEES_INTEREST         | 我住院了还被收罚息，已经投诉到银保监            | 0.9 | CRITICAL | SIMPLE",
            "NEGOTIATION_REQUEST   | i lost my job and my wife has cancer        | 0.9 | MEDIUM   | SIMPLE",
            // amounts at or above 50000 make it COMPLEX; 5万 is 50000
            "FEES_INTEREST         | 多收了我5万元的利息                          | 0.9 | MEDIUM   | COMPLEX",
            "FEES_INTEREST         | 多收了我300元的利息                          | 0.9 | MEDIUM   | SIMPLE",
            "VISIT_OR_LEGAL_THREAT | 说要去法院起诉我                            | 0.9 | HIGH     | COMPLEX",
            // an uncertain category needs more work
            "OTHER                 | 有个问题                                  | 0.4 | LOW      | STANDARD"
    })
    void severityAndComplexityFollowThePolicyRules(ComplaintCategory category, String text, double confidence, Severity severity,
                                                   Complexity complexity) {
        TriageRules.Assessment a = RULES.assess(category, confidence, text.toLowerCase(), ComplaintChannel.HOTLINE);
        assertThat(a.severity()).isEqualTo(severity);
        assertThat(a.complexity()).isEqualTo(complexity);
        assertThat(a.reasons()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"多收了5万 | 50000", "refund £600 please | 600", "¥3,000 fee | 3000", "第3期 | ", "RMB 2000 | 2000"})
    void findsTheLargestMoneyAmount(String text, BigDecimal expected) {
        BigDecimal found = TriageRules.largestAmount(text.toLowerCase());
        if (expected == null) {
            assertThat(found).isNull();
        } else {
            assertThat(found).isEqualByComparingTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void aRegulatorReferralIsAlwaysComplex() {
        assertThat(RULES.assess(ComplaintCategory.OTHER, 0.99, "x", ComplaintChannel.REGULATOR_REFERRAL).complexity()).isEqualTo(Complexity.COMPLEX);
    }
}
