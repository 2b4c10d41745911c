package org.amity.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A module that owns genuine facts behind a threat says whether one exists: a template that mentions legal action
 * or a home visit is sent only when some {@code ClaimEvidence} bean confirms it for that loan
 * ({@code LEGAL_CLAIM_UNSUPPORTED} otherwise — no empty threats; 12 CFR 1006.18(c)(5), CONC 7.9.4R(d)).
 */
public interface ClaimEvidence {

    enum Claim {
        LEGAL_ACTION,
        HOME_VISIT
    }

    /** True when a genuine record of {@code claim} exists for the loan at {@code at}. */
    boolean supports(UUID loanId, Claim claim, Instant at);
}
