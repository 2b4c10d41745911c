/**
 * Contact compliance: versioned contact policy, consents and preferences, holds, and the decision engine that
 * answers "may I contact this customer, for this purpose, on this channel, to this destination, now?" with
 * every reason.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contact")
package org.amity.contact;
