package org.amity.complaints.domain;

import static org.amity.complaints.ComplaintStatus.AWAITING_APPROVAL;
import static org.amity.complaints.ComplaintStatus.CLOSED;
import static org.amity.complaints.ComplaintStatus.IN_REVIEW;
import static org.amity.complaints.ComplaintStatus.MEDIATION;
import static org.amity.complaints.ComplaintStatus.OPEN;
import static org.amity.complaints.ComplaintStatus.REGULATOR;
import static org.amity.complaints.ComplaintStatus.REJECTED;
import static org.amity.complaints.ComplaintStatus.RESOLUTION_PROPOSED;
import static org.amity.complaints.ComplaintStatus.RE_REVIEW;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.amity.complaints.ComplaintStatus;

/**
 * A complaint's life as a guarded state machine. Each {@link Action} is allowed only from the states listed in
 * {@link #FROM}; the guards that depend on who acts (four eyes, a different re-reviewer) are checked here too, so
 * the service cannot forget them. Plain Java: the table is tested exhaustively (ComplaintLifecycleTest).
 */
public final class ComplaintLifecycle {

    public enum Action {
        ACKNOWLEDGE, PROPOSE_RESOLUTION, APPROVE_RESOLUTION, RETURN_RESOLUTION, CUSTOMER_ACCEPTS, CUSTOMER_REJECTS,
        START_RE_REVIEW, REFER_TO_MEDIATION, MEDIATION_SETTLED, ESCALATE_TO_REGULATOR, REGULATOR_DECIDED
    }

    /** The states each action may start from. */
    public static final Map<Action, Set<ComplaintStatus>> FROM = new EnumMap<>(Map.ofEntries(
            Map.entry(Action.ACKNOWLEDGE, EnumSet.of(OPEN)),
            Map.entry(Action.PROPOSE_RESOLUTION, EnumSet.of(OPEN, IN_REVIEW, RE_REVIEW)),
            Map.entry(Action.APPROVE_RESOLUTION, EnumSet.of(AWAITING_APPROVAL)),
            Map.entry(Action.RETURN_RESOLUTION, EnumSet.of(AWAITING_APPROVAL)),
            Map.entry(Action.CUSTOMER_ACCEPTS, EnumSet.of(RESOLUTION_PROPOSED)),
            Map.entry(Action.CUSTOMER_REJECTS, EnumSet.of(RESOLUTION_PROPOSED)),
            Map.entry(Action.START_RE_REVIEW, EnumSet.of(REJECTED)),
            Map.entry(Action.REFER_TO_MEDIATION, EnumSet.of(REJECTED)),
            Map.entry(Action.MEDIATION_SETTLED, EnumSet.of(MEDIATION)),
            Map.entry(Action.ESCALATE_TO_REGULATOR, EnumSet.of(REJECTED, MEDIATION)),
            Map.entry(Action.REGULATOR_DECIDED, EnumSet.of(REGULATOR))));

    /** Thrown for a move the state machine does not allow; the service turns it into a 409 with this code. */
    public static final class Refused extends RuntimeException {
        private final String code;

        public Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The part of a case the lifecycle needs: its state, who proposed the last resolution, how often it was rejected. */
    public record State(ComplaintStatus status, String lastProposer, int rejections) {
        public State {
            Objects.requireNonNull(status);
        }
    }

    private ComplaintLifecycle() {
    }

    public static boolean allowed(Action action, ComplaintStatus from) {
        return FROM.get(action).contains(from);
    }

    /**
     * The state after {@code action} by {@code actor}.
     *
     * @param needsSecondApprover for PROPOSE_RESOLUTION: the amount is above the four-eyes threshold
     * @param approvedBy          for APPROVE_RESOLUTION: the approver; the proposer is {@code state.lastProposer}
     */
    public static State apply(State state, Action action, String actor, boolean needsSecondApprover) {
        if (!allowed(action, state.status())) {
            throw new Refused("ILLEGAL_TRANSITION", action + " is not possible while the case is " + state.status());
        }
        return switch (action) {
            case ACKNOWLEDGE -> new State(IN_REVIEW, state.lastProposer(), state.rejections());
            case PROPOSE_RESOLUTION -> {
                if (state.status() == RE_REVIEW && actor.equals(state.lastProposer())) {
                    // a re-review is done by someone other than the person whose proposal was rejected
                    throw new Refused("SAME_REVIEWER", "The re-review must be done by a different reviewer than " + actor);
                }
                yield new State(needsSecondApprover ? AWAITING_APPROVAL : RESOLUTION_PROPOSED, actor, state.rejections());
            }
            case APPROVE_RESOLUTION -> {
                if (actor.equals(state.lastProposer())) {
                    throw new Refused("FOUR_EYES", "A resolution above the threshold needs a second approver other than its proposer");
                }
                yield new State(RESOLUTION_PROPOSED, state.lastProposer(), state.rejections());
            }
            case RETURN_RESOLUTION -> {
                if (actor.equals(state.lastProposer())) {
                    throw new Refused("FOUR_EYES", "The proposer cannot decide on their own resolution");
                }
                yield new State(state.rejections() > 0 ? RE_REVIEW : IN_REVIEW, state.lastProposer(), state.rejections());
            }
            case CUSTOMER_ACCEPTS, MEDIATION_SETTLED, REGULATOR_DECIDED -> new State(CLOSED, state.lastProposer(), state.rejections());
            case CUSTOMER_REJECTS -> new State(REJECTED, state.lastProposer(), state.rejections() + 1);
            case START_RE_REVIEW -> {
                if (actor.equals(state.lastProposer())) {
                    throw new Refused("SAME_REVIEWER", "The re-review must be done by a different reviewer than " + actor);
                }
                yield new State(RE_REVIEW, state.lastProposer(), state.rejections());
            }
            case REFER_TO_MEDIATION -> {
                requireReReviewed(state);
                yield new State(MEDIATION, state.lastProposer(), state.rejections());
            }
            case ESCALATE_TO_REGULATOR -> {
                if (state.status() == REJECTED) {
                    requireReReviewed(state);
                }
                yield new State(REGULATOR, state.lastProposer(), state.rejections());
            }
        };
    }

    private static void requireReReviewed(State state) {
        if (state.rejections() < 2) {
            throw new Refused("RE_REVIEW_FIRST", "A rejected resolution is re-reviewed by a different reviewer before it goes further");
        }
    }
}
