package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Amity: contact only about a real account state at the decision instant (the seed problem: "called about a debt I
// do not have"); house rules: a 3-day grace before collection contact, a reminder at most 3 days before a due date.
class AccountStatePolicyTest {

    private final AccountStatePolicy policy = new AccountStatePolicy();

    @ParameterizedTest(name = "{0} days past due, loan grace {1}, payment claim {2}: {3}")
    @CsvSource(textBlock = """
            0,  0, false, NOT_OVERDUE
            -1, 0, false, NOT_OVERDUE
            1,  0, false, WITHIN_GRACE
            3,  0, false, WITHIN_GRACE
            4,  0, false, ''
            4,  5, false, WITHIN_GRACE
            5,  5, false, WITHIN_GRACE
            6,  5, false, ''
            30, 0, true,  PAYMENT_CLAIM_PENDING
            2,  0, true,  WITHIN_GRACE PAYMENT_CLAIM_PENDING
            0,  0, true,  NOT_OVERDUE
            """)
    void collectionOnlyPastTheGraceAndWithNoPaymentClaimUnderReview(int daysPastDue, int grace, boolean claim, String expected) {
        DecisionFacts facts = facts().loan(new DecisionFacts.LoanState(LOAN, daysPastDue, grace, claim, null)).build();
        assertThat(Fixtures.codes(policy.evaluate(request(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny("2026-03-10T10:00")), facts, US)))
                .containsExactlyElementsOf(codes(expected));
    }

    @ParameterizedTest(name = "on 10 March, next unpaid due date {0}: {1}")
    @CsvSource(textBlock = """
            2026-03-10, ''
            2026-03-13, ''
            2026-03-14, NOTHING_DUE
            2026-03-09, NOTHING_DUE
            ,           NOTHING_DUE
            """)
    void aReminderOnlyForAnInstalmentDueWithinTheWindow(LocalDate due, String expected) {
        DecisionFacts facts = facts().loan(new DecisionFacts.LoanState(LOAN, 0, 0, false, due)).build();
        assertThat(Fixtures.codes(policy.evaluate(request(ContactPurpose.REPAYMENT_REMINDER, ContactChannel.SMS, ny("2026-03-10T10:00")), facts, US)))
                .containsExactlyElementsOf(codes(expected));
    }

    @ParameterizedTest(name = "{0}, an application needs the customer's action: {1} → {2}")
    @CsvSource(textBlock = """
            APPLICATION_PROGRESS, true,  ''
            APPLICATION_PROGRESS, false, NO_ACTION_REQUIRED
            SERVICE,              false, ''
            COMPLAINT_FOLLOW_UP,  false, ''
            NEGOTIATION,          false, ''
            """)
    void applicationProgressOnlyWhenTheCustomerHasSomethingToDo(ContactPurpose purpose, boolean needsAction, String expected) {
        DecisionFacts facts = facts().loan(null).applicationsNeedingAction(needsAction).build();
        assertThat(Fixtures.codes(policy.evaluate(request(purpose, ContactChannel.VOICE, ny("2026-03-10T10:00")), facts, US)))
                .containsExactlyElementsOf(codes(expected));
    }

    static List<ReasonCode> codes(String spaceSeparated) {
        return spaceSeparated.isBlank() ? List.of()
                : Arrays.stream(spaceSeparated.split(" ")).map(ReasonCode::valueOf).toList();
    }
}
