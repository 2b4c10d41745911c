package org.amity.messaging.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.amity.contact.ContactChannel;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through real SMTP (Spring Mail, {@code spring.mail.*}). SMTP has no idempotency key; the message id goes
 * into {@code Message-ID} ({@code <id@amity>}) so that mail systems and the recipient's client can recognise a
 * copy sent again after a crash. A rejected recipient is a permanent failure; anything else is retried.
 */
public final class SmtpEmailChannel implements ChannelAdapter {

    private final JavaMailSender sender;
    private final String from;

    public SmtpEmailChannel(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.EMAIL;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public Delivery send(OutgoingMessage m) {
        String messageId = "<" + m.idempotencyKey() + "@amity>";
        try {
            MimeMessage mime = sender instanceof JavaMailSenderImpl impl ? withFixedId(impl.getSession(), messageId) : sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(m.destination());
            helper.setSubject(m.subject() == null ? "Amity" : m.subject());
            helper.setText(m.body(), false);
            mime.setHeader("X-Amity-Message-Id", m.idempotencyKey());
            sender.send(mime);
            return new Delivery(messageId, false);
        } catch (MessagingException e) {
            throw new ChannelException("smtp: " + e.getMessage(), false, e);
        } catch (MailSendException e) {
            boolean rejected = e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
            throw new ChannelException("smtp: " + e.getMessage(), !rejected, e);
        } catch (MailAuthenticationException e) {
            throw new ChannelException("smtp: authentication failed", true, e);
        } catch (MailException e) {
            throw new ChannelException("smtp: " + e.getMessage(), true, e);
        }
    }

    /** A MIME message whose Message-ID is ours, not one generated on save. */
    private static MimeMessage withFixedId(Session session, String messageId) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }
}
