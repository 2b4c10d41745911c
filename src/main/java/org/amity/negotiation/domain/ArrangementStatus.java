package org.amity.negotiation.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an arrangement. Transitions are guarded: {@link #check(ArrangementStatus)} refuses any step the
 * table below does not allow, so no caller can, say, activate a plan that was never accepted.
 *
 * <pre>
 * AWAITING_APPROVAL   → AWAITING_ACCEPTANCE (approved) | DECLINED (rejected) | CANCELLED
 * AWAITING_ACCEPTANCE → ACTIVE (accepted: the loan is rescheduled) | DECLINED (customer declines) | CANCELLED
 * ACTIVE              → COMPLETED (every instalment kept) | BROKEN (an instalment missed beyond its grace days)
 * </pre>
 */
public enum ArrangementStatus {
    AWAITING_APPROVAL, AWAITING_ACCEPTANCE, ACTIVE, COMPLETED, BROKEN, DECLINED, CANCELLED;

    private static final Map<ArrangementStatus, Set<ArrangementStatus>> NEXT = Map.of(
            AWAITING_APPROVAL, EnumSet.of(AWAITING_ACCEPTANCE, DECLINED, CANCELLED),
            AWAITING_ACCEPTANCE, EnumSet.of(ACTIVE, DECLINED, CANCELLED),
            ACTIVE, EnumSet.of(COMPLETED, BROKEN),
            COMPLETED, EnumSet.noneOf(ArrangementStatus.class),
            BROKEN, EnumSet.noneOf(ArrangementStatus.class),
            DECLINED, EnumSet.noneOf(ArrangementStatus.class),
            CANCELLED, EnumSet.noneOf(ArrangementStatus.class));

    public boolean canMoveTo(ArrangementStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** @throws IllegalTransitionException when the step is not allowed */
    public ArrangementStatus check(ArrangementStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }

    /** A decided outcome the customer can be dissatisfied with and escalate. */
    public boolean escalable() {
        return this == DECLINED || this == BROKEN || this == ACTIVE || this == AWAITING_ACCEPTANCE;
    }

    public boolean open() {
        return this == AWAITING_APPROVAL || this == AWAITING_ACCEPTANCE || this == ACTIVE;
    }

    public static final class IllegalTransitionException extends RuntimeException {
        private final ArrangementStatus from;
        private final ArrangementStatus to;

        public IllegalTransitionException(ArrangementStatus from, ArrangementStatus to) {
            super("An arrangement cannot go from " + from + " to " + to);
            this.from = from;
            this.to = to;
        }

        public ArrangementStatus from() {
            return from;
        }

        public ArrangementStatus to() {
            return to;
        }
    }
}
