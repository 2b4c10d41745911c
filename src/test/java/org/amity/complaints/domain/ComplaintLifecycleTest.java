package org.amity.complaints.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.amity.complaints.ComplaintStatus;
import org.amity.complaints.domain.ComplaintLifecycle.Action;
import org.amity.complaints.domain.ComplaintLifecycle.Refused;
import org.amity.complaints.domain.ComplaintLifecycle.State;
import org.junit.jupiter.api.Test;

/** Every action from every state: only the table's moves are possible, with their guards. */
class ComplaintLifecycleTest {

    @Test
    void everyActionOutsideItsAllowedStatesIsRefused() {
        int refused = 0;
        for (Action action : Action.values()) {
            for (ComplaintStatus status : ComplaintStatus.values()) {
                State state = new State(status, "alice", 2);
                if (ComplaintLifecycle.FROM.get(action).contains(status)) {
                    assertThat(ComplaintLifecycle.apply(state, action, "bob", false).status()).isNotNull();
                } else {
                    assertThatThrownBy(() -> ComplaintLifecycle.apply(state, action, "bob", false))
                            .isInstanceOf(Refused.class).extracting(e -> ((Refused) e).code()).isEqualTo("ILLEGAL_TRANSITION");
                    refused++;
                }
            }
        }
        assertThat(refused).isGreaterThan(80);
    }

    @Test
    void aClosedCaseAcceptsNoAction() {
        for (Action action : Action.values()) {
            assertThat(ComplaintLifecycle.allowed(action, ComplaintStatus.CLOSED)).as(action.name()).isFalse();
        }
    }

    @Test
    void everyStateIsReachableAndEveryOpenStateHasAWayOut() {
        Set<ComplaintStatus> reached = EnumSet.of(ComplaintStatus.OPEN);
        Set<ComplaintStatus> frontier = new HashSet<>(reached);
        while (!frontier.isEmpty()) {
            Set<ComplaintStatus> next = new HashSet<>();
            for (ComplaintStatus from : frontier) {
                for (Action action : Action.values()) {
                    for (boolean fourEyes : new boolean[] {false, true}) {
                        if (ComplaintLifecycle.allowed(action, from)) {
                            ComplaintStatus to = ComplaintLifecycle.apply(new State(from, "alice", 2), action, "bob", fourEyes).status();
                            if (reached.add(to)) {
                                next.add(to);
                            }
                        }
                    }
                }
            }
            frontier = next;
        }
        assertThat(reached).containsExactlyInAnyOrder(ComplaintStatus.values());
        for (ComplaintStatus status : ComplaintStatus.values()) {
            if (status.open()) {
                assertThat(EnumSet.allOf(Action.class).stream().anyMatch(a -> ComplaintLifecycle.allowed(a, status))).as(status.name()).isTrue();
            }
        }
    }

    @Test
    void aResolutionAboveTheThresholdWaitsForASecondApproverWhoIsNotTheProposer() {
        State proposed = ComplaintLifecycle.apply(new State(ComplaintStatus.IN_REVIEW, null, 0), Action.PROPOSE_RESOLUTION, "alice", true);
        assertThat(proposed.status()).isEqualTo(ComplaintStatus.AWAITING_APPROVAL);
        assertThatThrownBy(() -> ComplaintLifecycle.apply(proposed, Action.APPROVE_RESOLUTION, "alice", false))
                .extracting(e -> ((Refused) e).code()).isEqualTo("FOUR_EYES");
        assertThat(ComplaintLifecycle.apply(proposed, Action.APPROVE_RESOLUTION, "bob", false).status())
                .isEqualTo(ComplaintStatus.RESOLUTION_PROPOSED);
    }

    @Test
    void theReReviewIsByADifferentReviewerAndMediationComesOnlyAfterIt() {
        State rejected = ComplaintLifecycle.apply(new State(ComplaintStatus.RESOLUTION_PROPOSED, "alice", 0), Action.CUSTOMER_REJECTS, "customer", false);
        assertThat(rejected).isEqualTo(new State(ComplaintStatus.REJECTED, "alice", 1));
        assertThatThrownBy(() -> ComplaintLifecycle.apply(rejected, Action.START_RE_REVIEW, "alice", false))
                .extracting(e -> ((Refused) e).code()).isEqualTo("SAME_REVIEWER");
        assertThatThrownBy(() -> ComplaintLifecycle.apply(rejected, Action.REFER_TO_MEDIATION, "bob", false))
                .extracting(e -> ((Refused) e).code()).isEqualTo("RE_REVIEW_FIRST");
        State reReview = ComplaintLifecycle.apply(rejected, Action.START_RE_REVIEW, "bob", false);
        assertThatThrownBy(() -> ComplaintLifecycle.apply(reReview, Action.PROPOSE_RESOLUTION, "alice", false))
                .extracting(e -> ((Refused) e).code()).isEqualTo("SAME_REVIEWER");
        State again = ComplaintLifecycle.apply(reReview, Action.PROPOSE_RESOLUTION, "bob", false);
        State rejectedTwice = ComplaintLifecycle.apply(again, Action.CUSTOMER_REJECTS, "customer", false);
        assertThat(ComplaintLifecycle.apply(rejectedTwice, Action.REFER_TO_MEDIATION, "carol", false).status()).isEqualTo(ComplaintStatus.MEDIATION);
        assertThat(ComplaintLifecycle.apply(rejectedTwice, Action.ESCALATE_TO_REGULATOR, "carol", false).status()).isEqualTo(ComplaintStatus.REGULATOR);
    }
}
