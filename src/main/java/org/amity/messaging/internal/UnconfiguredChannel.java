package org.amity.messaging.internal;

import org.amity.contact.ContactChannel;

/** No provider configured for the channel (and no sandbox): messages wait and are retried until one is. */
final class UnconfiguredChannel implements ChannelAdapter {

    private final ContactChannel channel;

    UnconfiguredChannel(ContactChannel channel) {
        this.channel = channel;
    }

    @Override
    public ContactChannel channel() {
        return channel;
    }

    @Override
    public String name() {
        return "unconfigured";
    }

    @Override
    public Delivery send(OutgoingMessage message) {
        throw new ChannelException("no " + channel + " provider is configured (amity.messaging." + channel.name().toLowerCase()
                + ".base-url or spring.mail.host)", true);
    }
}
