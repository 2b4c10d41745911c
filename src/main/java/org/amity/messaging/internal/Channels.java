package org.amity.messaging.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.amity.contact.ContactChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The adapter per channel: a real provider when one is configured ({@code amity.messaging.sms.base-url},
 * {@code amity.messaging.push.base-url}, {@code spring.mail.host}), else the sandbox in demo mode and tests
 * ({@code amity.messaging.sandbox}), else an adapter that keeps messages queued until a provider is configured.
 * VOICE and VISIT are not dispatched here: calls go through the dialer list, visits through complaints.
 */
@Component
public class Channels {

    private static final Logger log = LoggerFactory.getLogger(Channels.class);

    private final Map<ContactChannel, ChannelAdapter> adapters = new EnumMap<>(ContactChannel.class);

    Channels(MessagingProperties properties, ObjectProvider<JavaMailSender> mail, Environment environment) {
        adapters.put(ContactChannel.SMS, http(ContactChannel.SMS, properties.sms(), properties.sandbox()));
        adapters.put(ContactChannel.PUSH, http(ContactChannel.PUSH, properties.push(), properties.sandbox()));
        JavaMailSender sender = environment.containsProperty("spring.mail.host") ? mail.getIfAvailable() : null;
        adapters.put(ContactChannel.EMAIL, sender != null ? new SmtpEmailChannel(sender, properties.email().from())
                : properties.sandbox() ? new SandboxChannel(ContactChannel.EMAIL) : new UnconfiguredChannel(ContactChannel.EMAIL));
        adapters.put(ContactChannel.LETTER, new LetterChannel());
        adapters.forEach((channel, adapter) -> log.info("Messaging: {} through {}", channel, adapter.name()));
    }

    private static ChannelAdapter http(ContactChannel channel, MessagingProperties.Provider provider, boolean sandbox) {
        if (provider.configured()) {
            return new HttpProviderChannel(channel, provider);
        }
        return sandbox ? new SandboxChannel(channel) : new UnconfiguredChannel(channel);
    }

    public Optional<ChannelAdapter> of(ContactChannel channel) {
        return Optional.ofNullable(adapters.get(channel));
    }

    public Map<ContactChannel, ChannelAdapter> all() {
        return Map.copyOf(adapters);
    }
}
