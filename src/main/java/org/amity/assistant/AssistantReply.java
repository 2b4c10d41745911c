package org.amity.assistant;

import java.util.List;
import java.util.UUID;

/**
 * The assistant's answer to one message. {@code intent} is {@code UNKNOWN} when recognition was below the confidence
 * threshold ({@code guess} then names the best candidate); {@code pending} names an action waiting for "yes".
 */
public record AssistantReply(Intent intent, double confidence, Intent guess, String reply, List<AssistantAction> actions,
                             String language, UUID conversationId, int turn, PendingAction pending) {
}
