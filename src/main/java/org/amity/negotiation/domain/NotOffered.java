package org.amity.negotiation.domain;

/** An option type the policy does not offer for these facts, with a stable code and the reason in words. */
public record NotOffered(OptionType type, String code, String reason) {
}
