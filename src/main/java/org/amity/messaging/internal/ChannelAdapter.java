package org.amity.messaging.internal;

import org.amity.contact.ContactChannel;

/** Sends one message on one channel; throws {@link ChannelException} saying whether a retry can help. */
public interface ChannelAdapter {

    ContactChannel channel();

    /** A short name for the console and the logs, e.g. {@code sms-http}, {@code sandbox}. */
    String name();

    Delivery send(OutgoingMessage message);

    /** The provider accepted the message ({@code delivered}: it is already known to have arrived, e.g. the sandbox). */
    record Delivery(String providerRef, boolean delivered) {
    }

    class ChannelException extends RuntimeException {

        private final boolean retryable;

        public ChannelException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public ChannelException(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
