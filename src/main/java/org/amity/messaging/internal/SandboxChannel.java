package org.amity.messaging.internal;

import org.amity.contact.ContactChannel;

/**
 * Demo mode and tests without a real provider: the message "arrives" at once and is shown on the sandbox page
 * ({@code /console/messaging/sandbox}) as it would appear on a phone or in a mailbox. Nothing leaves the machine.
 */
public final class SandboxChannel implements ChannelAdapter {

    private final ContactChannel channel;

    public SandboxChannel(ContactChannel channel) {
        this.channel = channel;
    }

    @Override
    public ContactChannel channel() {
        return channel;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Delivery send(OutgoingMessage message) {
        return new Delivery("sandbox-" + message.idempotencyKey(), true);
    }
}
