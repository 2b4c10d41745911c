package org.amity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.amity.messaging.Outbox.QueuedMessage;
import org.amity.messaging.internal.Dispatcher;
import org.amity.messaging.internal.MessageQueries;
import org.amity.support.AmityIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every electronic channel against a real local server: SMS and push through HTTP providers (a JDK HttpServer on
 * 127.0.0.1 that checks credentials and honours Idempotency-Key), e-mail through SMTP to GreenMail. Messages go
 * the whole way: outbox → dispatcher → provider, with the rendered text in both languages.
 */
@AmityIntegrationTest
class MessagingChannelsIT {

    static final ProviderStub SMS;
    static final ProviderStub PUSH;
    static final GreenMail MAIL;

    static {
        try {
            SMS = new ProviderStub(true);
            PUSH = new ProviderStub(true);
            MAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            MAIL.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("amity.messaging.sms.base-url", SMS::baseUrl);
        registry.add("amity.messaging.sms.username", () -> "amity");
        registry.add("amity.messaging.sms.password", () -> "sms-secret");
        registry.add("amity.messaging.push.base-url", PUSH::baseUrl);
        registry.add("amity.messaging.push.api-key", () -> "push-key");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("amity.messaging.dispatcher.backoff", () -> "0s");
    }

    @AfterAll
    static void stop() {
        SMS.close();
        PUSH.close();
        MAIL.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    Outbox outbox;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    MessageQueries messages;
    @Autowired
    TransactionTemplate tx;

    private UUID queue(Borrower b, ContactChannel channel, String destination, String language, String templateKey) {
        return tx.execute(s -> outbox.enqueue(new QueuedMessage(b.id(), b.loan(), ContactPurpose.COLLECTION, channel, destination,
                language, templateKey, Map.of(), UUID.randomUUID(), "it-" + UUID.randomUUID())));
    }

    private MessageView dispatchUntilDone(UUID id) {
        for (int i = 0; i < 50; i++) {
            dispatcher.dispatch(java.util.List.of(id));
            MessageView m = messages.find(id).orElseThrow();
            if (m.status() != MessageStatus.QUEUED && m.status() != MessageStatus.SENDING) {
                return m;
            }
        }
        return messages.find(id).orElseThrow();
    }

    @Test
    void anSmsReachesTheHttpProviderWithItsIdAsIdempotencyKeyCredentialsAndTheLedgersFigures() {
        Borrower b = Borrower.book(port);
        UUID id = queue(b, ContactChannel.SMS, b.phone(), "zh-CN", null);

        MessageView m = dispatchUntilDone(id);

        assertThat(m.status()).isEqualTo(MessageStatus.SENT);
        assertThat(SMS.requestsFor(id.toString())).isEqualTo(1);
        ProviderStub.Request request = SMS.requests.stream().filter(r -> id.toString().equals(r.idempotencyKey())).findFirst().orElseThrow();
        assertThat(request.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("amity:sms-secret".getBytes()));
        assertThat(request.body()).contains(b.phone()).contains(b.name()).contains(b.loanNumber()).contains("逾期").contains("回复TD退订");
        assertThat(m.body()).contains(b.name()).contains("回复TD退订");
        assertThat(m.templateVersion()).isEqualTo(1);
    }

    @Test
    void aPushGoesToThePushProviderWithItsApiKeyInEnglish() {
        Borrower b = Borrower.book(port);
        UUID id = queue(b, ContactChannel.PUSH, "app:" + b.customerNumber(), "en", null);

        MessageView m = dispatchUntilDone(id);

        assertThat(m.status()).isEqualTo(MessageStatus.SENT);
        ProviderStub.Request request = PUSH.requests.stream().filter(r -> id.toString().equals(r.idempotencyKey())).findFirst().orElseThrow();
        assertThat(request.authorization()).isEqualTo("Bearer push-key");
        assertThat(request.body()).contains("days past due").contains("Reply STOP").contains("\"title\"");
    }

    @Test
    void anEmailIsDeliveredOverSmtpWithSubjectOptOutAndTheMessageIdAsMessageId() throws Exception {
        Borrower b = Borrower.book(port);
        UUID id = queue(b, ContactChannel.EMAIL, b.email(), "zh-CN", null);

        MessageView m = dispatchUntilDone(id);

        assertThat(m.status()).isEqualTo(MessageStatus.SENT);
        MimeMessage mail = java.util.Arrays.stream(MAIL.getReceivedMessagesForDomain(b.email().substring(b.email().indexOf('@') + 1)))
                .filter(x -> {
                    try {
                        return x.getAllRecipients()[0].toString().equals(b.email());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("逾期还款通知");
        assertThat(mail.getMessageID()).isEqualTo("<" + id + "@amity>");
        assertThat((String) mail.getContent()).contains(b.name()).contains("回复TD退订");
    }

    @Test
    void aProviderOutageIsRetriedWithBackOffAndTheSameKeyUntilItIsSent() {
        Borrower b = Borrower.book(port);
        SMS.failNext.set(2);
        UUID id = queue(b, ContactChannel.SMS, b.phone(), "en", null);

        dispatcher.dispatch(java.util.List.of(id));
        MessageView afterFirst = messages.find(id).orElseThrow();
        assertThat(afterFirst.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.lastError()).contains("HTTP 503");
        assertThat(afterFirst.nextAttemptAt()).isNotNull();

        MessageView m = dispatchUntilDone(id);
        assertThat(m.status()).isEqualTo(MessageStatus.SENT);
        assertThat(m.attempts()).isEqualTo(3);
        assertThat(SMS.requestsFor(id.toString())).as("every attempt carries the same key").isEqualTo(3);
        assertThat(SMS.deliveries.get(id.toString()).get()).isEqualTo(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
