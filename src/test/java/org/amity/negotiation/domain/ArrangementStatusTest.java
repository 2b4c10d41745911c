package org.amity.negotiation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arrangement state machine allows exactly the documented steps, and nothing else. */
class ArrangementStatusTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "AWAITING_APPROVAL,   AWAITING_ACCEPTANCE", "AWAITING_APPROVAL, DECLINED", "AWAITING_APPROVAL, CANCELLED",
            "AWAITING_ACCEPTANCE, ACTIVE", "AWAITING_ACCEPTANCE, DECLINED", "AWAITING_ACCEPTANCE, CANCELLED",
            "ACTIVE,              COMPLETED", "ACTIVE, BROKEN",
    })
    void allowsTheDocumentedSteps(ArrangementStatus from, ArrangementStatus to) {
        assertThat(from.check(to)).isEqualTo(to);
    }

    @Test
    void refusesEveryOtherStepOfAll49() {
        Set<String> allowed = Set.of("AWAITING_APPROVAL>AWAITING_ACCEPTANCE", "AWAITING_APPROVAL>DECLINED", "AWAITING_APPROVAL>CANCELLED",
                "AWAITING_ACCEPTANCE>ACTIVE", "AWAITING_ACCEPTANCE>DECLINED", "AWAITING_ACCEPTANCE>CANCELLED",
                "ACTIVE>COMPLETED", "ACTIVE>BROKEN");
        int refused = 0;
        for (ArrangementStatus from : ArrangementStatus.values()) {
            for (ArrangementStatus to : ArrangementStatus.values()) {
                if (allowed.contains(from + ">" + to)) {
                    continue;
                }
                refused++;
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isFalse();
                assertThatThrownBy(() -> from.check(to)).isInstanceOf(ArrangementStatus.IllegalTransitionException.class)
                        .hasMessageContaining(from + " to " + to);
            }
        }
        assertThat(refused).isEqualTo(49 - allowed.size());
    }

    @Test
    void aPlanThatWasNeverAcceptedCannotBecomeActiveNorCanAFinishedOneReopen() {
        assertThat(ArrangementStatus.AWAITING_APPROVAL.canMoveTo(ArrangementStatus.ACTIVE)).isFalse();
        for (ArrangementStatus done : EnumSet.of(ArrangementStatus.COMPLETED, ArrangementStatus.BROKEN, ArrangementStatus.DECLINED,
                ArrangementStatus.CANCELLED)) {
            assertThat(EnumSet.allOf(ArrangementStatus.class)).noneMatch(done::canMoveTo);
        }
    }

    @Test
    void escalationGoesReReviewThenMediationThenRegulatorNeverSkipping() {
        EscalationStage s = EscalationStage.NONE;
        s = s.check(EscalationStage.RE_REVIEW);
        s = s.check(EscalationStage.RE_REVIEWED);
        s = s.check(EscalationStage.MEDIATION);
        s = s.check(EscalationStage.MEDIATED);
        assertThat(s.check(EscalationStage.REGULATOR)).isEqualTo(EscalationStage.REGULATOR);
        assertThatThrownBy(() -> EscalationStage.NONE.check(EscalationStage.MEDIATION)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EscalationStage.RE_REVIEWED.check(EscalationStage.REGULATOR)).isInstanceOf(IllegalStateException.class);
    }
}
