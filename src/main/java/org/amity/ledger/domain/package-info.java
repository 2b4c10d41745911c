/**
 * The ledger's money maths in plain Java: schedules (等额本息, 等额本金), allocation, days past due and buckets.
 * Published so that other modules (negotiation's re-amortised schedules, the demo generator) use the same
 * rounding convention instead of a copy of it.
 */
@org.springframework.modulith.NamedInterface("maths")
package org.amity.ledger.domain;
