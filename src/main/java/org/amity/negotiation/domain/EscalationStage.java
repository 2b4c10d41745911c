package org.amity.negotiation.domain;

import java.util.Map;

/**
 * A dissatisfied customer's path: re-review by another person → third-party mediation → a complaint to the
 * regulator (handed to the complaints module). Each stage only follows the one before it.
 */
public enum EscalationStage {
    NONE, RE_REVIEW, RE_REVIEWED, MEDIATION, MEDIATED, REGULATOR;

    private static final Map<EscalationStage, EscalationStage> NEXT = Map.of(
            NONE, RE_REVIEW, RE_REVIEW, RE_REVIEWED, RE_REVIEWED, MEDIATION, MEDIATION, MEDIATED, MEDIATED, REGULATOR);

    public EscalationStage check(EscalationStage next) {
        if (NEXT.get(this) != next) {
            throw new IllegalStateException("Escalation cannot go from " + this + " to " + next);
        }
        return next;
    }

    public boolean canMoveTo(EscalationStage next) {
        return NEXT.get(this) == next;
    }
}
