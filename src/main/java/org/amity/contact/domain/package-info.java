/**
 * The contact decision engine as plain Java: the facts a decision needs, the parsed contact policy (presets and
 * house rules), one named policy per rule, and {@link org.amity.contact.domain.DecisionEngine}. No Spring here
 * (ArchitectureTest checks it), so every rule is testable as a table.
 */
package org.amity.contact.domain;
