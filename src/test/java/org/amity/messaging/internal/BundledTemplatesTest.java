package org.amity.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.amity.messaging.ClaimEvidence;
import org.amity.messaging.MessageTemplate;
import org.amity.messaging.Notice;
import org.junit.jupiter.api.Test;

/**
 * The bundled templates (messaging/templates.yaml) are complete and pass the same checks as a compliance officer's
 * edit: every notice and purpose in both languages, an opt-out on every electronic message (12 CFR 1006.6(e)),
 * declared claims, and a voicemail that reveals no debt (12 CFR 1006.2(j)).
 */
class BundledTemplatesTest {

    private final TemplateStore store = new TemplateStore(null, null, null);

    @SuppressWarnings("unchecked")
    private List<TemplateStore.NewVersion> seeded() {
        List<TemplateStore.NewVersion> versions = new ArrayList<>();
        for (Map<String, Object> t : store.bundled().templates()) {
            Map<String, String> body = (Map<String, String>) t.get("body");
            Map<String, String> subject = (Map<String, String>) t.getOrDefault("subject", Map.of());
            Set<ClaimEvidence.Claim> claims = new java.util.HashSet<>();
            ((List<String>) t.getOrDefault("claims", List.of())).forEach(c -> claims.add(ClaimEvidence.Claim.valueOf(c)));
            for (String channel : (List<String>) t.get("channels")) {
                ContactChannel c = ContactChannel.valueOf(channel);
                for (String language : List.of("zh-CN", "en")) {
                    assertThat(body).as(t.get("key") + " in " + language).containsKey(language);
                    String text = body.get(language);
                    if (MessageTemplate.electronic(c) && !Boolean.TRUE.equals(t.get("optOutExempt"))) {
                        text = text + " " + store.optOutLine(language);
                    }
                    versions.add(new TemplateStore.NewVersion((String) t.get("key"), c, language, subject.get(language), text, claims,
                            Boolean.TRUE.equals(t.get("limitedContent")), null, null));
                }
            }
        }
        return versions;
    }

    @Test
    void everyNoticeAndEveryPurposeHasAnSmsTemplateInBothLanguages() {
        List<TemplateStore.NewVersion> versions = seeded();
        List<String> keys = new ArrayList<>();
        for (Notice n : Notice.values()) {
            keys.add(n.name());
        }
        for (ContactPurpose p : ContactPurpose.values()) {
            keys.add(p.name());
        }
        for (String key : keys) {
            for (String language : List.of("zh-CN", "en")) {
                assertThat(versions).as(key + " SMS " + language)
                        .anyMatch(v -> v.key().equals(key) && v.channel() == ContactChannel.SMS && v.language().equals(language));
            }
        }
    }

    @Test
    void everyBundledTemplatePassesTheChecksAnEditWouldFace() {
        for (TemplateStore.NewVersion v : seeded()) {
            assertThat(store.validate(v)).as(v.key() + " " + v.channel() + " " + v.language()).isEmpty();
        }
    }

    @Test
    void theLimitedContentVoicemailNamesNoDebtAndAThreatCannotBeSavedUndeclared() {
        TemplateStore.NewVersion voicemail = seeded().stream().filter(v -> v.key().equals("VOICEMAIL_LIMITED")).findFirst().orElseThrow();
        assertThat(voicemail.limitedContent()).isTrue();
        TemplateStore.NewVersion revealing = new TemplateStore.NewVersion("VOICEMAIL_LIMITED", ContactChannel.VOICE, "en", null,
                "Call us about your overdue loan {{loanNumber}}", Set.of(), true, null, null);
        assertThat(store.validate(revealing)).extracting(TemplateStore.Problem::code).contains("LIMITED_CONTENT_REVEALS_DEBT");
        TemplateStore.NewVersion threat = new TemplateStore.NewVersion("COLLECTION", ContactChannel.SMS, "zh-CN", null,
                "再不还款我们将上门并起诉。回复TD退订", Set.of(), false, null, null);
        assertThat(store.validate(threat)).extracting(TemplateStore.Problem::code).containsExactly("CLAIM_UNDECLARED", "CLAIM_UNDECLARED");
        TemplateStore.NewVersion unknown = new TemplateStore.NewVersion("SERVICE", ContactChannel.SMS, "en", null,
                "Hi {{nickname}}. Reply STOP to opt out", Set.of(), false, null, null);
        assertThat(store.validate(unknown)).extracting(TemplateStore.Problem::code).containsExactly("UNKNOWN_VARIABLE");
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        Duration base = Duration.ofSeconds(10);
        Duration max = Duration.ofHours(1);
        assertThat(Dispatcher.backoffWithoutJitter(base, max, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Dispatcher.backoffWithoutJitter(base, max, 2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Dispatcher.backoffWithoutJitter(base, max, 4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(Dispatcher.backoffWithoutJitter(base, max, 12)).isEqualTo(max);
        assertThat(Dispatcher.backoffWithoutJitter(base, max, 80)).isEqualTo(max);
    }
}
