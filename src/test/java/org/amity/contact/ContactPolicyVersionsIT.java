package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.amity.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * The contact policy as versioned data: seeded from the bundled files, edited by compliance with validation, a
 * diff and an effective-from time, and used by decisions as it was in effect at their instant. The versions
 * this class adds lie in 2020 (and one in 2099) and end with a copy of the bundled CN preset, so the other
 * test classes sharing the database see the bundled rules for today.
 */
@AmityIntegrationTest
class ContactPolicyVersionsIT {

    @LocalServerPort
    int port;

    Api compliance() {
        return Api.as(port, "compliance");
    }

    static String bundled(String location) throws Exception {
        return new ClassPathResource(location).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String json(String text) {
        return Api.JSON.writeValueAsString(text);
    }

    Response addVersion(String document, String yaml, String effectiveFrom, String comment) {
        return compliance().post("/api/v1/contact-policies/" + document + "/versions", """
                {"yaml":%s,"effectiveFrom":%s,"comment":%s}""".formatted(json(yaml),
                effectiveFrom == null ? "null" : "\"" + effectiveFrom + "\"", json(comment)));
    }

    List<String> versionsOf(String document) {
        Response r = compliance().get("/api/v1/contact-policies/" + document + "/versions");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> versions = new ArrayList<>();
        r.body().forEach(v -> versions.add(v.path("version").asText()));
        return versions;
    }

    String cnCustomer() {
        Response c = Api.as(port, "admin").post("/api/v1/customers", """
                {"externalId":"PV-%s","name":"策略","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"+8613800000088","verified":true,"owner":"SELF"}]}"""
                .formatted(UUID.randomUUID()));
        assertThat(c.status()).as(c.raw()).isEqualTo(201);
        return c.text("id");
    }

    /** A what-if (nothing booked) for a collection call at the given local time. */
    Response whatIf(String customerId, String at) {
        Response r = Api.as(port, "dialer").post("/api/v1/contact-decisions", """
                {"customerId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"+8613800000088","reserve":false,"at":"%s"}"""
                .formatted(customerId, at));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    static List<String> codes(Response r) {
        return r.body().path("reasons").findValuesAsString("code");
    }

    @Test
    void everyDocumentIsSeededFromTheBundledFileEffectiveFromTheEpoch() throws Exception {
        Response documents = compliance().get("/api/v1/contact-policies");
        assertThat(documents.status()).as(documents.raw()).isEqualTo(200);
        assertThat(documents.body().findValuesAsString("documentId")).containsExactly("CN", "US_REG_F", "UK_FCA", "house");
        for (String document : List.of("CN", "US_REG_F", "UK_FCA", "house")) {
            Response versions = compliance().get("/api/v1/contact-policies/" + document + "/versions");
            JsonNode seeded = versions.body().get(versions.body().size() - 1);
            assertThat(seeded.path("version").asText()).isEqualTo("2026.1");
            assertThat(seeded.path("effectiveFrom").asText()).isEqualTo("1970-01-01T00:00:00Z");
            assertThat(seeded.path("createdBy").asText()).isEqualTo("system");
            String location = document.equals("house") ? "contact/house.yaml" : "contact/presets/" + document + ".yaml";
            assertThat(seeded.path("yaml").asText()).isEqualTo(bundled(location));
        }
        Response holidays = compliance().get("/api/v1/holiday-calendars");
        assertThat(holidays.body().findValuesAsString("jurisdiction")).contains("CN", "US", "GB");
        assertThat(holidays.raw()).contains("\"year\":2026", "\"year\":2027");
    }

    @Test
    void aDocumentThatDoesNotReadIsRefusedWithThePathAndNothingIsStored() throws Exception {
        List<String> before = versionsOf("CN");
        String badWindow = bundled("contact/presets/CN.yaml").replace("version: \"2026.1\"", "version: \"2026.bad\"")
                .replace("to: \"21:00\"", "to: \"07:00\"");
        Response r = addVersion("CN", badWindow, null, "typo");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.text("code")).isEqualTo("INVALID_POLICY");
        assertThat(r.text("field")).isEqualTo("CN.contactHours.to");
        assertThat(r.text("detail")).contains("must be after from");

        String unknownChannel = badWindow.replace("to: \"07:00\"", "to: \"21:00\"").replace("channels: [VOICE, SMS,", "channels: [VOICE, SMSS,");
        Response channel = addVersion("CN", unknownChannel, null, null);
        assertThat(channel.text("field")).isEqualTo("CN.contactHours.channels[1]");
        assertThat(channel.text("detail")).contains("SMSS");

        Response otherDocument = addVersion("UK_FCA", bundled("contact/presets/CN.yaml").replace("2026.1", "2026.x"), null, null);
        assertThat(otherDocument.status()).isEqualTo(400);
        assertThat(otherDocument.text("field")).isEqualTo("UK_FCA.id");

        // the preset alone reads, but two presets would claim the same country
        Response clash = addVersion("CN", bundled("contact/presets/CN.yaml").replace("2026.1", "2026.y")
                .replace("countries: [CN]", "countries: [CN, US]"), null, null);
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.text("detail")).contains("country US is claimed by two presets");

        assertThat(compliance().post("/api/v1/contact-policies/SG/versions", "{\"yaml\":\"id: SG\"}").text("code"))
                .isEqualTo("POLICY_DOCUMENT_NOT_FOUND");
        assertThat(versionsOf("CN")).isEqualTo(before);
    }

    @Test
    void aNewVersionAppliesFromItsEffectiveTimeAndAScheduledOneNotBefore() throws Exception {
        String customer = cnCustomer();
        String original = bundled("contact/presets/CN.yaml");
        String narrow = original.replace("version: \"2026.1\"", "version: \"2020.narrow\"")
                .replace("from: \"08:00\"", "from: \"09:00\"").replace("to: \"21:00\"", "to: \"20:00\"");

        Response diff = compliance().post("/api/v1/contact-policies/CN/diff", "{\"yaml\":" + json(narrow) + "}");
        assertThat(diff.status()).as(diff.raw()).isEqualTo(200);
        List<String> changed = new ArrayList<>();
        diff.body().path("lines").forEach(l -> {
            if (!l.path("op").asText().equals(" ")) {
                changed.add(l.path("op").asText() + l.path("line").asText());
            }
        });
        assertThat(changed).containsExactly("-version: \"2026.1\"", "+version: \"2020.narrow\"",
                "-  from: \"08:00\"", "-  to: \"21:00\"", "+  from: \"09:00\"", "+  to: \"20:00\"");

        Response added = addVersion("CN", narrow, "2020-01-01T00:00:00+08:00", "contact window 09:00–20:00");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.text("version")).isEqualTo("2020.narrow");

        Response before = whatIf(customer, "2019-12-31T08:30:00+08:00");
        assertThat(codes(before)).doesNotContain("QUIET_HOURS");
        assertThat(before.text("policyVersion")).isEqualTo("CN@2026.1+house@2026.1");
        Response after = whatIf(customer, "2020-03-02T08:30:00+08:00");
        assertThat(codes(after)).contains("QUIET_HOURS");
        assertThat(after.text("policyVersion")).isEqualTo("CN@2020.narrow+house@2026.1");

        // history runs one way: nothing may take effect before the version in effect now
        Response tooEarly = addVersion("CN", original.replace("2026.1", "2019.late"), "2019-06-01T00:00:00Z", null);
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.text("code")).isEqualTo("EFFECTIVE_FROM_TOO_EARLY");
        assertThat(addVersion("CN", narrow, "2020-02-01T00:00:00Z", null).text("code")).isEqualTo("VERSION_EXISTS");

        // back to the bundled window, and a later window scheduled for 2099
        assertThat(addVersion("CN", original.replace("version: \"2026.1\"", "version: \"2026.1-restored\""),
                "2020-06-01T00:00:00+08:00", "restore the bundled window").status()).isEqualTo(201);
        String late = original.replace("version: \"2026.1\"", "version: \"2099.1\"").replace("from: \"08:00\"", "from: \"10:00\"");
        assertThat(addVersion("CN", late, "2099-01-01T00:00:00+08:00", "scheduled").status()).isEqualTo(201);

        Response today = whatIf(customer, "2026-11-25T09:30:00+08:00");
        assertThat(codes(today)).doesNotContain("QUIET_HOURS");
        assertThat(today.text("policyVersion")).isEqualTo("CN@2026.1-restored+house@2026.1");
        Response in2099 = whatIf(customer, "2099-01-05T09:30:00+08:00");
        assertThat(codes(in2099)).contains("QUIET_HOURS");
        assertThat(in2099.text("policyVersion")).isEqualTo("CN@2099.1+house@2026.1");

        JsonNode cn = compliance().get("/api/v1/contact-policies").body().get(0);
        assertThat(cn.path("version").asText()).isEqualTo("2026.1-restored");
        assertThat(cn.path("scheduled").findValuesAsString("version")).containsExactly("2099.1");
        assertThat(versionsOf("CN")).startsWith("2099.1", "2026.1-restored", "2020.narrow");

        Response audit = compliance().get("/api/v1/audit/events?entityType=ContactPolicy&entityId=CN");
        JsonNode row = null;
        for (JsonNode r : audit.body()) {
            if (r.path("after").asText().contains("2020.narrow")) {
                row = r;
            }
        }
        assertThat(row).as(audit.raw()).isNotNull();
        assertThat(row.path("action").asText()).isEqualTo("CONTACT_POLICY_VERSION_ADDED");
        assertThat(row.path("actor").asText()).isEqualTo("compliance");
        assertThat(row.path("before").asText()).contains("2026.1");
        assertThat(row.path("after").asText()).contains("contact window 09:00–20:00", "2019-12-31T16:00:00Z");
    }

    @Test
    void anAdministratorLoadsAHolidayYearThatDecisionsThenUse() {
        String customer = cnCustomer();
        String year = """
                jurisdiction: CN
                year: 2028
                source: "test: New Year's Day only"
                holidays:
                  - {date: "2028-01-01", name: "元旦"}
                workingDays: []
                """;
        assertThat(codes(whatIf(customer, "2028-01-01T10:00:00+08:00"))).doesNotContain("HOLIDAY");
        Response put = Api.as(port, "admin").put("/api/v1/holiday-calendars/CN/2028", year);
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        assertThat(put.body().path("holidays").asInt()).isEqualTo(1);
        assertThat(codes(whatIf(customer, "2028-01-01T10:00:00+08:00"))).contains("HOLIDAY");
        assertThat(compliance().get("/api/v1/holiday-calendars").raw()).contains("\"year\":2028");

        Response wrongYear = Api.as(port, "admin").put("/api/v1/holiday-calendars/CN/2029", year);
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.text("code")).isEqualTo("INVALID_CALENDAR");
        Response badDate = Api.as(port, "admin").put("/api/v1/holiday-calendars/CN/2029",
                "jurisdiction: CN\nyear: 2029\nholidays: [{date: 2029-13-01, name: x}]\n");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("field")).startsWith("CN-2029.holidays[0].date");
        Response audit = compliance().get("/api/v1/audit/events?entityType=HolidayCalendar&entityId=CN-2028");
        assertThat(audit.body().findValuesAsString("actor")).containsExactly("admin");
    }

    @Test
    void agentsMayNeitherReadNorChangeThePolicy() {
        Api agent = Api.as(port, "agent");
        assertThat(agent.get("/api/v1/contact-policies").status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/contact-policies/CN/versions", "{\"yaml\":\"id: CN\"}").status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/contact-policies/CN/diff", "{\"yaml\":\"id: CN\"}").status()).isEqualTo(403);
        assertThat(agent.put("/api/v1/holiday-calendars/CN/2030", "jurisdiction: CN\nyear: 2030\n").status()).isEqualTo(403);
    }

    @Test
    void theConsoleChecksShowsTheDiffKeepsTheTextOnErrorAndSaves() throws Exception {
        WebSession officer = WebSession.loggedIn(port, "compliance", "demo");
        String page = "/console/contact-policies/UK_FCA?lang=en";
        String original = bundled("contact/presets/UK_FCA.yaml");
        String renamed = original.replace("version: \"2026.1\"", "version: \"2026.1-console\"");

        HttpResponse<String> check = officer.postForm(page, "/console/contact-policies/UK_FCA/check?lang=en",
                java.util.Map.of("yaml", renamed, "effectiveFrom", ""), "HX-Request", "true");
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("The document is valid", "class=\"diff-del\"", "class=\"diff-add\"",
                "2026.1-console").doesNotContain("<html");

        String broken = renamed.replace("max: 7", "max: 0").replace("to: \"21:00\"", "to: \"25:00\"");
        HttpResponse<String> invalid = officer.postForm(page, "/console/contact-policies/UK_FCA/check?lang=en",
                java.util.Map.of("yaml", broken, "effectiveFrom", ""), "HX-Request", "true");
        assertThat(invalid.body()).contains("UK_FCA.contactHours.to");

        HttpResponse<String> refused = officer.postForm(page, "/console/contact-policies/UK_FCA?lang=en",
                java.util.Map.of("yaml", broken + "# my unsaved note\n", "effectiveFrom", "", "comment", "try"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"policy-error\"", "UK_FCA.contactHours.to", "# my unsaved note");

        HttpResponse<String> saved = officer.postForm(page, "/console/contact-policies/UK_FCA",
                java.util.Map.of("yaml", renamed, "effectiveFrom", "", "comment", "same rules, new version string"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).contains("/console/contact-policies/UK_FCA?saved=2026.1-console");
        assertThat(versionsOf("UK_FCA")).startsWith("2026.1-console");
    }

    @Test
    void theConsoleEditorIsForComplianceOnly() {
        WebSession officer = WebSession.loggedIn(port, "compliance", "demo");
        HttpResponse<String> list = officer.get("/console/contact-policies?lang=en");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("/console/contact-policies/US_REG_F", "data-document=\"house\"");
        HttpResponse<String> editor = officer.get("/console/contact-policies/US_REG_F?lang=en");
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body()).contains("id=\"policy-current\"", "<textarea name=\"yaml\"", "12 CFR 1006.6(b)(1)(i)",
                "type=\"datetime-local\"", "Check and show diff", "Save new version", "name=\"_csrf\"",
                "data-version=\"2026.1\"", "Asia/Shanghai");
        assertThat(officer.get("/console/contact-policies/US_REG_F?lang=zh-CN").body()).contains("检查并显示差异");
        assertThat(officer.get("/console?lang=en").body()).contains("href=\"/console/contact-policies\"");
        assertThat(officer.get("/console/contact-policies/SG").statusCode()).isEqualTo(404);

        WebSession agent = WebSession.loggedIn(port, "agent", "demo");
        assertThat(agent.get("/console/contact-policies").statusCode()).isEqualTo(403);
        assertThat(agent.get("/console/contact-policies/CN").statusCode()).isEqualTo(403);
        assertThat(agent.get("/console?lang=en").body()).doesNotContain("/console/contact-policies");
    }
}
