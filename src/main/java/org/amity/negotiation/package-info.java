/**
 * Repayment negotiation (协商还款): hardship requests and assessment, arrangement options from versioned policy
 * data, maker–checker approval, agreements that reschedule the loan, plan monitoring (kept/broken) and escalation
 * of dissatisfied outcomes (re-review, mediation, the regulator).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Negotiation")
package org.amity.negotiation;
