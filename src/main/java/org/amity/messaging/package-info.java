/**
 * Multi-channel messaging: versioned templates, the outbox and its channel adapters (SMS, email, push, voice dialer,
 * letter), delivery receipts, inbound opt-out keywords and the daily contact plan.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package org.amity.messaging;
