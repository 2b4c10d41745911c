package org.amity.messaging.internal;

import org.amity.contact.ContactChannel;

/**
 * Letters go to print as a daily PDF batch ({@code GET /console/messaging/letters?date=…}); "sent" here means
 * "in the batch for printing and posting".
 */
final class LetterChannel implements ChannelAdapter {

    @Override
    public ContactChannel channel() {
        return ContactChannel.LETTER;
    }

    @Override
    public String name() {
        return "letter-batch";
    }

    @Override
    public Delivery send(OutgoingMessage message) {
        return new Delivery("letter-" + message.idempotencyKey(), false);
    }
}
