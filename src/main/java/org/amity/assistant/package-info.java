/**
 * The 24/7 self-service assistant: recognises what a customer asks (Chinese and English), answers from their own
 * ledger data, and hands off to preferences, complaints, negotiation or a human after the customer confirms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant")
package org.amity.assistant;
