package org.amity.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.amity.contact.ContactChannel;
import org.amity.identity.OneTimeCodes;
import org.amity.messaging.Notice;
import org.amity.messaging.NotificationRequested;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Portal login: customer number or phone (any spelling libphonenumber understands) plus password, and — where the bank
 * turns it on — a one-time code by SMS, of which only a hash is stored.
 */
@AmityIntegrationTest
class PortalLoginIT {

    private static final String OTP_SWITCH = "portal-login-it";

    @LocalServerPort
    int port;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    JdbcClient jdbc;

    /** The SMS notices published by the server threads: what messaging would deliver (test-side listener, no hook in the app). */
    final List<NotificationRequested> notices = new CopyOnWriteArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<?>> sms = event -> {
        if (event.getPayload() instanceof NotificationRequested n) {
            notices.add(n);
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(sms);
    }

    @AfterEach
    void stopListeningAndSwitchCodesOff() {
        context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(sms);
        environment.getPropertySources().remove(OTP_SWITCH);
    }

    private void requireCodes() {
        environment.getPropertySources().addFirst(new MapPropertySource(OTP_SWITCH, Map.of("amity.portal.one-time-code.enabled", "true")));
    }

    @Test
    void aCustomerLogsInWithTheirPhoneInNationalOrInternationalFormat() {
        for (String phone : List.of("13900000002", "139 0000 0002", "+86 139-0000-0002", "+8613900000002")) {
            WebSession web = WebSession.loggedIn(port, phone, "demo");
            assertThat(web.get("/portal").body()).as(phone).contains("李强").contains("L-OVERDUE-45");
        }
        Api.Response viaApi = new Api(port, "13900000002", "demo").post("/api/v1/assistant/messages", "{\"text\":\"am I overdue?\"}");
        assertThat(viaApi.status()).isEqualTo(200);
        assertThat(viaApi.text("reply")).contains("days past due");
    }

    @Test
    void aPhoneSharedByMoreThanOneCustomerOpensNoAccountAndAWrongPasswordNeither() {
        // the demo's DEMO-PAID-YESTERDAY and every test borrower share +8613800000001
        org.amity.support.OverdueBorrower.book(port);
        assertThat(loginLocation("13800000001", "demo")).contains("/login?error");
        assertThat(loginLocation("13900000002", "wrong")).contains("/login?error");
        assertThat(loginLocation("DEMO-OVERDUE-45", "demo")).endsWith("/portal");
    }

    @Test
    void withCodesOnThePasswordAloneOpensNothingUntilTheSmsCodeIsEntered() {
        requireCodes();
        WebSession web = WebSession.loggedIn(port, "DEMO-OVERDUE-45", "demo");
        HttpResponse<String> portal = web.get("/portal");
        assertThat(portal.statusCode()).isEqualTo(302);
        assertThat(portal.headers().firstValue("Location").orElse("")).endsWith("/login/code");
        assertThat(web.get("/portal/assistant").headers().firstValue("Location").orElse("")).endsWith("/login/code");

        NotificationRequested sent = notices.stream().filter(n -> n.notice() == Notice.ONE_TIME_CODE).reduce((a, b) -> b).orElseThrow();
        assertThat(sent.channel()).isEqualTo(ContactChannel.SMS);
        assertThat(sent.loanId()).isNull();
        String code = sent.variables().get("code");
        assertThat(code).matches("\\d{6}");
        String stored = jdbc.sql("SELECT code_hash FROM one_time_code WHERE customer_id = ? ORDER BY issued_at DESC LIMIT 1")
                .param(sent.customerId()).query(String.class).single();
        assertThat(stored).doesNotContain(code).startsWith("{bcrypt}");

        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(web.postForm("/login/code", "/login/code", Map.of("code", wrong)).body()).contains("code-error");
        HttpResponse<String> right = web.postForm("/login/code", "/login/code", Map.of("code", code));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElse("")).endsWith("/portal");
        assertThat(web.get("/portal").body()).contains("李强");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('ONE_TIME_CODE_ISSUED','ONE_TIME_CODE_VERIFIED','ONE_TIME_CODE_REFUSED') AND occurred_at > now() - interval '10 minutes'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
        // a used code does not work twice
        WebSession again = WebSession.loggedIn(port, "DEMO-OVERDUE-45", "demo");
        assertThat(again.postForm("/login/code", "/login/code", Map.of("code", code)).statusCode()).isEqualTo(200);
    }

    @Test
    void fiveWrongCodesEndTheLoginAndTheCodeStopsWorking() {
        requireCodes();
        WebSession web = WebSession.loggedIn(port, "DEMO-GRACE", "demo");
        String code = notices.stream().filter(n -> n.notice() == Notice.ONE_TIME_CODE).reduce((a, b) -> b).orElseThrow()
                .variables().get("code");
        String wrong = code.equals("000000") ? "111111" : "000000";
        HttpResponse<String> last = null;
        for (int i = 0; i < OneTimeCodes.MAX_ATTEMPTS; i++) {
            last = web.postForm("/login/code", "/login/code", Map.of("code", wrong));
        }
        assertThat(last.statusCode()).isEqualTo(302);
        assertThat(last.headers().firstValue("Location").orElse("")).contains("/login?codeLocked");
        assertThat(web.get("/portal").statusCode()).isEqualTo(302);
    }

    @Test
    void staffAreNotAskedForACustomerCode() {
        requireCodes();
        WebSession agent = WebSession.loggedIn(port, "agent", "demo");
        assertThat(agent.get("/console").statusCode()).isEqualTo(200);
    }

    private String loginLocation(String username, String password) {
        try {
            WebSession.loggedIn(port, username, password);
            return "/portal";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }
}
