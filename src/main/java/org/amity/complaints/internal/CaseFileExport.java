package org.amity.complaints.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.amity.complaints.ComplaintEvidence;
import org.amity.complaints.ComplaintService;
import org.amity.complaints.ComplaintView;
import org.amity.complaints.HomeVisits;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanService;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The case file a regulator asks for, as a PDF (Apache PDFBox): parties, the case and its deadlines, the timeline
 * (every step, who and when), evidence files with their SHA-256, contact decisions and attempts with days past due,
 * notices requested, visit records, resolutions and who proposed and approved them, escalations. Chinese text needs
 * a CJK TrueType font: {@code amity.complaints.pdf-font}, or Debian's WenQuanYi Micro Hei (package
 * fonts-wqy-microhei); without one, non-Latin characters are replaced and the file says so.
 */
@Component
public class CaseFileExport {

    static final List<String> FONT_CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    private static final float MARGIN = 48;
    private static final float SIZE = 9.5f;
    private static final float LEADING = 13;

    private final ComplaintService complaints;
    private final ComplaintEvidence evidence;
    private final HomeVisits visits;
    private final CustomerService customers;
    private final LoanService loans;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final String configuredFont;
    private final AtomicReference<String> fontProbe = new AtomicReference<>();

    CaseFileExport(ComplaintService complaints, ComplaintEvidence evidence, HomeVisits visits, CustomerService customers,
                   LoanService loans, AuditTrail audit, BusinessClock clock, @Value("${amity.complaints.pdf-font:}") String configuredFont) {
        this.complaints = complaints;
        this.evidence = evidence;
        this.visits = visits;
        this.customers = customers;
        this.loans = loans;
        this.audit = audit;
        this.clock = clock;
        this.configuredFont = configuredFont;
    }

    /**
     * The CJK font file used: the configured one, else the first candidate that PDFBox can embed (TrueType outlines;
     * e.g. Noto CJK's CFF-based collection cannot be embedded as a Type 0 font) — or null, then non-Latin text is
     * replaced. Probed once.
     */
    public String fontPath() {
        String probed = fontProbe.get();
        if (probed == null) {
            List<String> candidates = new ArrayList<>();
            if (configuredFont != null && !configuredFont.isBlank()) {
                candidates.add(configuredFont);
            }
            candidates.addAll(FONT_CANDIDATES);
            probed = "";
            for (String candidate : candidates) {
                if (new File(candidate).isFile() && embeddable(candidate)) {
                    probed = candidate;
                    break;
                }
            }
            fontProbe.set(probed);
        }
        return probed.isEmpty() ? null : probed;
    }

    private static boolean embeddable(String path) {
        List<java.io.Closeable> open = new ArrayList<>();
        try (PDDocument scratch = new PDDocument()) {
            PDFont font = load(scratch, path, open);
            font.getStringWidth("投诉");
            return true;
        } catch (IOException | RuntimeException unusable) {
            return false;
        } finally {
            closeAll(open);
        }
    }

    @org.springframework.transaction.annotation.Transactional
    public byte[] pdf(UUID complaintId) {
        ComplaintView c = complaints.get(complaintId);
        ZoneId zone = ZoneId.of(complaints.policy().jurisdictions().get(c.jurisdiction()).zone().getId());
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<String[]> lines = new ArrayList<>();
        CustomerView customer = customers.find(c.customerId()).orElseThrow();
        h(lines, "Complaint case file 投诉案卷 — " + c.reference());
        t(lines, "Generated " + f.format(clock.instant()) + " (" + zone + ") by " + CurrentUser.name());
        h(lines, "Parties 当事人");
        t(lines, "Customer: " + customer.name() + " (" + customer.externalId() + "), national id " + customer.nationalIdMasked()
                + ", " + String.join(" ", customer.address().country(), nz(customer.address().city())));
        if (c.loanId() != null) {
            loans.find(c.loanId()).ifPresent(l -> t(lines, "Loan: " + l.externalId() + " " + l.product() + " " + l.principal().toPlainString() + " " + l.currency()));
        }
        t(lines, "Handled by: " + c.createdBy() + " (intake), department " + c.department());
        h(lines, "Case 案件");
        t(lines, "Channel " + c.channel() + ", received " + f.format(c.receivedAt()) + ", jurisdiction " + c.jurisdiction());
        t(lines, "Category " + c.category() + ", severity " + c.severity() + ", complexity " + c.complexity() + " — " + c.severityReasons());
        t(lines, "Validity review: " + c.validity() + " — " + c.validityNotes());
        t(lines, "Status " + c.status() + "; acknowledge by " + f.format(c.acknowledgeBy()) + (c.summaryBy() == null ? "" : "; summary by " + f.format(c.summaryBy()))
                + "; resolve by " + f.format(c.resolveBy()) + (c.extended() ? " (extended)" : "")
                + (c.resolvedAt() == null ? "" : "; resolved " + f.format(c.resolvedAt())));
        t(lines, "Description 投诉内容: " + c.description());
        h(lines, "Timeline 处理经过 (who, when, what)");
        for (ComplaintView.TimelineEntry e : complaints.timeline(complaintId)) {
            t(lines, f.format(e.at()) + "  " + e.actor() + "  " + e.type() + (e.detail().isEmpty() ? "" : ": " + e.detail()));
        }
        h(lines, "Notices requested 已发送通知");
        complaints.timeline(complaintId).stream().filter(e -> e.type().equals("NOTICE_REQUESTED"))
                .forEach(e -> t(lines, f.format(e.at()) + "  " + e.detail()));
        h(lines, "Evidence files 证据");
        for (ComplaintView.FileInfo file : evidence.files(complaintId)) {
            t(lines, file.fileName() + "  " + file.contentType() + "  " + file.sizeBytes() + " bytes  sha256 " + file.sha256()
                    + "  uploaded " + f.format(file.uploadedAt()) + " by " + file.uploadedBy());
        }
        h(lines, "Contact decisions and attempts 联系记录 (days past due at each)");
        ComplaintEvidence.ContactEvidenceReport report = evidence.contactEvidence(c);
        t(lines, "Window " + f.format(report.from()) + " – " + f.format(report.to()) + ": " + report.verdict() + " ("
                + report.whileNotOverdue() + " of " + report.collectionContacts() + " collection contacts while not overdue)");
        for (ComplaintEvidence.ContactEvidence e : report.contacts()) {
            t(lines, f.format(e.at()) + "  " + e.purpose() + " " + e.channel() + "  " + (e.allowed() ? "allowed" : "blocked")
                    + (e.attempt() ? " attempt" : "") + (e.outcome() == null ? "" : " " + e.outcome()) + "  DPD "
                    + (e.daysPastDue() == null ? "-" : e.daysPastDue()) + (e.reasons().isEmpty() ? "" : "  " + e.reasons()));
        }
        h(lines, "Home-verification visits 上门核实");
        for (HomeVisits.Visit v : visits.visits(complaintId)) {
            t(lines, f.format(v.slotStart()) + "  " + v.status() + "  officers " + String.join(", ", v.officers()) + "  at " + v.address()
                    + (v.alternative() == null ? "" : "  alternative " + v.alternative())
                    + (v.decisionId() == null ? "" : "  decision " + v.decisionId())
                    + (v.findings() == null ? "" : "  findings: " + v.findings())
                    + (v.acknowledgement() == null || v.acknowledgement().isEmpty() ? "" : "  customer: " + v.acknowledgement()));
        }
        h(lines, "Decisions 处理决定 (who proposed, who approved)");
        for (ComplaintView.Resolution r : complaints.resolutions(complaintId)) {
            t(lines, f.format(r.proposedAt()) + "  " + r.status() + "  proposed by " + r.proposedBy()
                    + (r.approvedBy() == null ? "" : ", approved by " + r.approvedBy())
                    + (r.amount() == null ? "" : "  amount " + r.amount().toPlainString() + " " + nz(r.currency()))
                    + "  " + r.summary() + (r.answerReason() == null || r.answerReason().isEmpty() ? "" : "  — customer: " + r.answerReason()));
        }
        h(lines, "Escalation 升级");
        if (c.mediationOrg() != null) {
            t(lines, "Mediation: " + c.mediationOrg() + " ref " + c.mediationRef() + (c.mediationOutcome() == null ? "" : ", outcome: " + c.mediationOutcome()));
        }
        if (c.regulatorRef() != null) {
            t(lines, "Regulator: ref " + c.regulatorRef() + ", deadline " + f.format(c.regulatorDeadline())
                    + (c.regulatorOutcome() == null ? "" : ", outcome: " + c.regulatorOutcome()));
        }
        if (c.surveyRating() != null) {
            t(lines, "Satisfaction survey: " + c.surveyRating() + "/5 " + nz(c.surveyComment()));
        }
        byte[] pdf = render(c.reference(), lines);
        audit.record("COMPLAINT_CASE_FILE_EXPORTED", "Complaint", complaintId.toString(), null, java.util.Map.of("bytes", pdf.length));
        return pdf;
    }

    private static void h(List<String[]> lines, String text) {
        lines.add(new String[] {"h", text});
    }

    private static void t(List<String[]> lines, String text) {
        lines.add(new String[] {"t", text});
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private byte[] render(String reference, List<String[]> lines) {
        List<java.io.Closeable> open = new ArrayList<>();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Complaint case file " + reference);
            info.setCreator("Amity");
            PDFont font = font(doc, open);
            boolean unicode = font instanceof PDType0Font;
            PDRectangle box = PDRectangle.A4;
            float width = box.getWidth() - 2 * MARGIN;
            PDPageContentStream cs = null;
            float y = 0;
            int page = 0;
            for (String[] line : lines) {
                float size = line[0].equals("h") ? SIZE + 2.5f : SIZE;
                List<String> wrapped = wrap(font, unicode ? line[1] : latin(line[1]), size, width);
                for (String part : wrapped) {
                    if (cs == null || y < MARGIN + LEADING) {
                        if (cs != null) {
                            cs.close();
                        }
                        PDPage p = new PDPage(box);
                        doc.addPage(p);
                        page++;
                        cs = new PDPageContentStream(doc, p);
                        cs.beginText();
                        cs.setFont(font, 7);
                        cs.newLineAtOffset(MARGIN, MARGIN / 2);
                        cs.showText(reference + " · page " + page + (unicode ? "" : " · no CJK font: non-Latin text replaced"));
                        cs.endText();
                        y = box.getHeight() - MARGIN;
                    }
                    if (line[0].equals("h") && part == wrapped.get(0)) {
                        y -= 6;
                    }
                    cs.beginText();
                    cs.setFont(font, size);
                    cs.newLineAtOffset(MARGIN, y);
                    cs.showText(part);
                    cs.endText();
                    y -= size > SIZE ? LEADING + 3 : LEADING;
                }
            }
            if (cs != null) {
                cs.close();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeAll(open);
        }
    }

    private static void closeAll(List<java.io.Closeable> open) {
        for (java.io.Closeable c : open) {
            try {
                c.close();
            } catch (IOException ignored) {
                // a font file that cannot be closed changes nothing in the document already written
            }
        }
    }

    /** The font for a document; the collection file it was read from stays open until the document is saved. */
    private PDFont font(PDDocument doc, List<java.io.Closeable> open) throws IOException {
        String path = fontPath();
        return path == null ? new PDType1Font(Standard14Fonts.FontName.HELVETICA) : load(doc, path, open);
    }

    private static PDFont load(PDDocument doc, String path, List<java.io.Closeable> open) throws IOException {
        if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(new File(path));
            open.add(collection);
            List<TrueTypeFont> fonts = new ArrayList<>();
            collection.processAllFonts(fonts::add);
            return PDType0Font.load(doc, fonts.get(0), true);
        }
        return PDType0Font.load(doc, new File(path));
    }

    private static String latin(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp >= 32 && cp < 256 ? (char) cp : '?'));
        return b.toString();
    }

    private static List<String> wrap(PDFont font, String text, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        String clean = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float w;
            try {
                w = font.getStringWidth(ch) / 1000 * size;
            } catch (IllegalArgumentException | IOException missingGlyph) {
                ch = "?";
                w = font.getStringWidth(ch) / 1000 * size;
            }
            if (lineWidth + w > width && line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            line.append(ch);
            lineWidth += w;
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
