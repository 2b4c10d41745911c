package org.amity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.amity.contact.ContactHoldService;
import org.amity.contact.HoldType;
import org.amity.ledger.CustomerService;
import org.amity.ledger.LoanService;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Intake, reading, triage, uploads and customer isolation through the public API. */
@AmityIntegrationTest
class ComplaintApiIT {

    @LocalServerPort
    int port;
    @Autowired
    ContactHoldService holds;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanService loans;

    @Test
    void openingAComplaintAnswersExactlyTheContractFieldsAndStartsTheLegalClock() {
        OverdueBorrower b = OverdueBorrower.book(port);
        Response r = ComplaintFixtures.open(port, "agent", b, "我已经按时还款了，你们还一直打电话说我逾期");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        List<String> fields = new ArrayList<>();
        r.body().propertyNames().forEach(fields::add);
        assertThat(fields).containsExactly("id", "reference", "category", "severity", "complexity", "status", "acknowledgeBy", "resolveBy");
        assertThat(r.text("category")).isEqualTo("WRONG_OVERDUE_NOTICE");
        assertThat(r.text("status")).isEqualTo("OPEN");
        assertThat(r.text("reference")).matches("CMP-\\d{4}-\\d{6}");

        Response got = Api.as(port, "agent").get("/api/v1/complaints/" + r.text("id"));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.text("jurisdiction")).isEqualTo("CN");
        assertThat(got.text("validity")).isEqualTo("VALID");
        assertThat(got.text("validityNotes")).contains("belongs to the customer");
        // a contact-related complaint pauses collection on the loan until it is resolved
        assertThat(holds.holdsOf(UUID.fromString(b.customerId()))).anySatisfy(h -> {
            assertThat(h.type()).isEqualTo(HoldType.COMPLAINT_OPEN);
            assertThat(h.source()).isEqualTo("complaint:" + r.text("id"));
        });
        Response timeline = Api.as(port, "agent").get("/api/v1/complaints/" + r.text("id") + "/timeline");
        assertThat(timeline.raw()).contains("NOTICE_REQUESTED", "COMPLAINT_ACKNOWLEDGED", "VALIDITY_REVIEWED", "HOLD_PLACED");
    }

    @Test
    void badIntakeIsAClearProblemAndOpensNothing() {
        OverdueBorrower b = OverdueBorrower.book(port);
        OverdueBorrower other = OverdueBorrower.book(port);
        Response noText = Api.as(port, "agent").post("/api/v1/complaints",
                "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"description\":\"  \"}".formatted(b.customerId()));
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.text("code")).isEqualTo("FIELD_REQUIRED");
        Response wrongLoan = Api.as(port, "agent").post("/api/v1/complaints",
                "{\"customerId\":\"%s\",\"loanId\":\"%s\",\"channel\":\"HOTLINE\",\"description\":\"电话太多了，每天十几个\"}"
                        .formatted(b.customerId(), other.loanId()));
        assertThat(wrongLoan.status()).isEqualTo(400);
        assertThat(wrongLoan.text("code")).isEqualTo("LOAN_OF_ANOTHER_CUSTOMER");
        Response badChannel = Api.as(port, "agent").post("/api/v1/complaints",
                "{\"customerId\":\"%s\",\"channel\":\"FAX\",\"description\":\"电话太多了\"}".formatted(b.customerId()));
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(Api.as(port, "agent").get("/api/v1/customers/" + b.customerId() + "/complaints").body().size()).isZero();
    }

    @Test
    void aCustomerFilesAndReadsOnlyTheirOwnComplaints() {
        UUID mine = customers.findByExternalId("DEMO-OVERDUE-45").orElseThrow().id();
        UUID theirs = customers.findByExternalId("DEMO-PARTIAL").orElseThrow().id();
        Api me = Api.as(port, "DEMO-OVERDUE-45");
        Response filed = me.post("/api/v1/complaints", "{\"channel\":\"APP\",\"description\":\"The app keeps crashing when I try to pay\"}");
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(me.get("/api/v1/complaints/" + filed.text("id")).text("customerId")).isEqualTo(mine.toString());

        assertThat(Api.as(port, "DEMO-PARTIAL").get("/api/v1/complaints/" + filed.text("id")).status()).isEqualTo(404);
        assertThat(Api.as(port, "DEMO-PARTIAL").get("/api/v1/customers/" + mine + "/complaints").status()).isEqualTo(404);
        Response forOther = me.post("/api/v1/complaints",
                "{\"customerId\":\"%s\",\"channel\":\"APP\",\"description\":\"someone else's complaint\"}".formatted(theirs));
        assertThat(forOther.status()).isEqualTo(404);
        assertThat(me.get("/api/v1/complaints").status()).as("the staff queue").isEqualTo(403);
        assertThat(ComplaintFixtures.upload(port, "DEMO-PARTIAL", filed.text("id"), "x.png", ComplaintFixtures.PNG).status()).isEqualTo(404);
    }

    @Test
    void triageAnswersWithoutOpeningACaseInTraditionalChineseToo() {
        Response r = Api.as(port, "agent").post("/api/v1/complaints/triage", "{\"text\":\"催收員打電話給我的同事，說我欠錢不還\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.text("category")).isEqualTo("THIRD_PARTY_CONTACT");
        assertThat(r.text("severity")).isEqualTo("HIGH");
        assertThat(r.body().has("id")).isFalse();
        Response threat = Api.as(port, "agent").post("/api/v1/complaints/triage", "{\"text\":\"催收威胁要上门，我已经投诉到银保监了\"}");
        assertThat(threat.text("category")).isEqualTo("VISIT_OR_LEGAL_THREAT");
        assertThat(threat.text("severity")).as("HIGH raised by the regulator mention").isEqualTo("CRITICAL");
        assertThat(threat.raw()).contains("regulator");
    }

    @Test
    void uploadsAreCheckedByContentAndARejectedFileLosesNothingElse() {
        OverdueBorrower b = OverdueBorrower.book(port);
        String id = ComplaintFixtures.openId(port, b, "利息算错了，多收了我的手续费");
        Response png = ComplaintFixtures.upload(port, "agent", id, "screenshot.png", ComplaintFixtures.PNG);
        assertThat(png.status()).as(png.raw()).isEqualTo(201);
        assertThat(png.text("contentType")).isEqualTo("image/png");
        Response pdfNamedJpg = ComplaintFixtures.upload(port, "agent", id, "statement.jpg", ComplaintFixtures.PDF);
        assertThat(pdfNamedJpg.status()).isEqualTo(201);
        assertThat(pdfNamedJpg.text("contentType")).as("by content, not by name").isEqualTo("application/pdf");

        Response exe = ComplaintFixtures.upload(port, "agent", id, "receipt.pdf", "MZ\u0090\u0000 not a pdf".getBytes());
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.text("code")).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        assertThat(exe.text("detail")).contains("receipt.pdf");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(ComplaintFixtures.PNG, 0, big, 0, ComplaintFixtures.PNG.length);
        Response tooBig = ComplaintFixtures.upload(port, "agent", id, "huge.png", big);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.text("code")).isEqualTo("FILE_TOO_LARGE");

        assertThat(Api.as(port, "agent").get("/api/v1/complaints/" + id + "/files").body().size()).isEqualTo(2);
        assertThat(Api.as(port, "agent").get("/api/v1/complaints/" + id).text("status")).isEqualTo("OPEN");
    }
}
