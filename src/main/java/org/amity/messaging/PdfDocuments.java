package org.amity.messaging;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.amity.platform.BusinessClock;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes PDFs with Chinese and English text (Apache PDFBox). Chinese needs a CJK TrueType font: the one at
 * {@code amity.pdf.font} if set, else the first found of WenQuanYi Micro Hei (Debian package
 * {@code fonts-wqy-microhei}), WenQuanYi Zen Hei, Droid Sans Fallback and AR PL UMing. Without any, text is written
 * in Helvetica with characters it cannot show replaced by "?" (and a warning is logged once). Other modules can use
 * {@link #document(List)} for their own documents (case files, agreements).
 */
@Component
public class PdfDocuments {

    private static final Logger log = LoggerFactory.getLogger(PdfDocuments.class);
    static final List<String> PROBED = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc");
    private static final float MARGIN = 56;
    private static final float SIZE = 11;
    private static final float LEADING = 16;

    private final String configured;
    private final BusinessClock clock;
    private final AtomicReference<String> found = new AtomicReference<>();

    PdfDocuments(@Value("${amity.pdf.font:}") String configured, BusinessClock clock) {
        this.configured = configured;
        this.clock = clock;
    }

    /** One letter of a batch: a page (or more) with the address block, date, subject and text. */
    public record Letter(String address, String subject, String body, Instant date, String reference) {
    }

    /** A block of text in a document: a heading is set larger. */
    public record Block(String text, boolean heading) {
    }

    public byte[] letters(List<Letter> letters) {
        List<List<Block>> pages = new ArrayList<>();
        for (Letter l : letters) {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block("Amity", true));
            blocks.add(new Block(l.address() == null ? "" : l.address(), false));
            blocks.add(new Block(LocalDate.ofInstant(l.date() == null ? clock.instant() : l.date(), clock.bankZone()).toString()
                    + "    Ref. " + l.reference(), false));
            blocks.add(new Block("", false));
            if (l.subject() != null) {
                blocks.add(new Block(l.subject(), true));
            }
            for (String paragraph : (l.body() == null ? "" : l.body()).split("\n")) {
                blocks.add(new Block(paragraph, false));
            }
            pages.add(blocks);
        }
        if (pages.isEmpty()) {
            pages.add(List.of(new Block("—", false)));
        }
        return render(pages);
    }

    /** A single document of blocks, flowing over as many A4 pages as it needs. */
    public byte[] document(List<Block> blocks) {
        return render(List.of(blocks));
    }

    /** The CJK font file in use, or null when none was found. */
    public String fontFile() {
        String f = found.get();
        if (f != null) {
            return f;
        }
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(PROBED);
        for (String c : candidates) {
            if (new File(c).canRead()) {
                found.set(c);
                return c;
            }
        }
        return null;
    }

    private byte[] render(List<List<Block>> documents) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Fonts fonts = fonts(doc);
            for (List<Block> blocks : documents) {
                Writer w = new Writer(doc, fonts);
                for (Block b : blocks) {
                    w.paragraph(b.text(), b.heading());
                }
                w.close();
            }
            doc.save(out);
            if (fonts.collection() != null) {
                fonts.collection().close();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(PDFont regular, boolean cjk, TrueTypeCollection collection) {
    }

    private Fonts fonts(PDDocument doc) throws IOException {
        String file = fontFile();
        if (file != null) {
            if (file.endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(new File(file));
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(ttf -> first.compareAndSet(null, ttf));
                // the collection must stay open until the document is saved (subset embedding reads it then)
                return new Fonts(PDType0Font.load(doc, first.get(), true), true, collection);
            }
            return new Fonts(PDType0Font.load(doc, new File(file)), true, null);
        }
        if (found.compareAndSet(null, "")) {
            log.warn("No CJK font found (set amity.pdf.font or install fonts-wqy-microhei): Chinese text in PDFs shows as '?'");
        }
        return new Fonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA), false, null);
    }

    /** Lays text out line by line, wrapping at the margin and starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final Fonts fonts;
        private PDPageContentStream stream;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Writer(PDDocument doc, Fonts fonts) throws IOException {
            this.doc = doc;
            this.fonts = fonts;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void paragraph(String text, boolean heading) throws IOException {
            float size = heading ? SIZE + 3 : SIZE;
            String printable = printable(text);
            for (String line : wrap(printable, size)) {
                if (y < MARGIN + LEADING) {
                    newPage();
                }
                y -= heading ? LEADING + 4 : LEADING;
                if (!line.isEmpty()) {
                    stream.beginText();
                    stream.setFont(fonts.regular(), size);
                    stream.newLineAtOffset(MARGIN, y);
                    stream.showText(line);
                    stream.endText();
                }
            }
        }

        private String printable(String text) throws IOException {
            if (text == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String s = new String(Character.toChars(cp));
                try {
                    fonts.regular().encode(s);
                    sb.append(s);
                } catch (IOException | IllegalArgumentException e) {
                    sb.append('?');
                }
            });
            return sb.toString();
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                line.append(c);
                if (c == ' ') {
                    lastSpace = line.length() - 1;
                }
                if (fonts.regular().getStringWidth(line.toString()) / 1000 * size > width) {
                    String rest;
                    if (lastSpace > 0 && c != ' ' && c < 0x2E80) {
                        rest = line.substring(lastSpace + 1);
                        line.setLength(lastSpace);
                    } else {
                        rest = String.valueOf(line.charAt(line.length() - 1));
                        line.setLength(line.length() - 1);
                    }
                    lines.add(line.toString());
                    line = new StringBuilder(rest);
                    lastSpace = -1;
                }
            }
            lines.add(line.toString());
            return lines;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
