/**
 * Arrangement maths and rules in plain Java: the policy document, the options a set of facts gives (with the
 * ledger's schedule convention), affordability, the preliminary assessment and the arrangement state machine.
 */
package org.amity.negotiation.domain;
