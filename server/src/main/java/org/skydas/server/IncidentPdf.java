package org.skydas.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An incident report as a printable A4 PDF (Apache PDFBox): the EUROSUR fields, the links, the actions taken and
 * the history. Text is set in DejaVu Sans where the system has it (Lithuanian letters in free text survive);
 * otherwise in Helvetica with letters it cannot encode written without their accents.
 */
final class IncidentPdf {

    private static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"));
    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    private IncidentPdf() {
    }

    static byte[] render(Map<String, Object> incident) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = null;
            for (Path p : FONTS) {
                if (Files.isReadable(p)) {
                    font = PDType0Font.load(doc, p.toFile());
                    break;
                }
            }
            boolean unicode = font != null;
            if (font == null) {
                font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Status", str(incident.get("status")) + " (version " + incident.get("version") + ")"});
            rows.add(new String[] {"Type", IncidentsApi.label(str(incident.get("type")))});
            rows.add(new String[] {"Impact", IncidentsApi.label(str(incident.get("impact")))});
            @SuppressWarnings("unchecked")
            Map<String, Object> conf = (Map<String, Object>) incident.get("confidence");
            rows.add(new String[] {"Confidence", "credibility of information " + conf.get("credibility")
                    + ", reliability of source " + conf.get("reliability") + ", " + conf.get("validation")});
            rows.add(new String[] {"Originator", str(incident.get("originator"))});
            rows.add(new String[] {"Owner", str(incident.get("owner"))});
            rows.add(new String[] {"Sector", str(incident.get("sector"))});
            @SuppressWarnings("unchecked")
            Map<String, Object> loc = (Map<String, Object>) incident.get("location");
            rows.add(new String[] {"Location (WGS84)", loc == null ? "—" : loc.get("lat") + ", " + loc.get("lon")});
            rows.add(new String[] {"Opened", incident.get("created_at") + " by " + incident.get("created_by")});
            rows.add(new String[] {"Report due", str(incident.get("report_deadline"))});
            if (incident.get("reported_at") != null) {
                rows.add(new String[] {"Reported", incident.get("reported_at") + " by " + incident.get("reported_by")});
            }
            if (incident.get("closed_at") != null) {
                rows.add(new String[] {"Closed", incident.get("closed_at") + " by " + incident.get("closed_by")});
            }
            rows.add(new String[] {"Linked alerts", str(incident.get("alerts"))});
            rows.add(new String[] {"Linked tracks", str(incident.get("tracks"))});
            rows.add(new String[] {"Description", str(incident.get("description"))});
            rows.add(new String[] {"Actions taken", str(incident.get("actions_taken"))});
            Object history = incident.get("history");
            if (history instanceof List<?> h) {
                for (Object o : h) {
                    Map<?, ?> e = (Map<?, ?>) o;
                    rows.add(new String[] {"History", e.get("time") + " " + e.get("actor") + ": " + e.get("action")
                            + (e.get("note") == null ? "" : " — " + e.get("note"))});
                }
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            float y = PDRectangle.A4.getHeight() - MARGIN;
            PDPageContentStream out = new PDPageContentStream(doc, page);
            try {
                out.beginText();
                out.setFont(font, 16);
                out.newLineAtOffset(MARGIN, y);
                out.showText(text("Incident report #" + incident.get("id"), font, unicode));
                out.endText();
                y -= 2 * LEADING;
                for (String[] row : rows) {
                    List<String> lines = wrap(text(row[1], font, unicode), font, width - 130);
                    if (y - lines.size() * LEADING < MARGIN) {
                        out.close();
                        page = new PDPage(PDRectangle.A4);
                        doc.addPage(page);
                        out = new PDPageContentStream(doc, page);
                        y = PDRectangle.A4.getHeight() - MARGIN;
                    }
                    out.beginText();
                    out.setFont(font, SIZE);
                    out.newLineAtOffset(MARGIN, y);
                    out.showText(text(row[0], font, unicode));
                    out.newLineAtOffset(130, 0);
                    for (String line : lines) {
                        out.showText(line);
                        out.newLineAtOffset(0, -LEADING);
                    }
                    out.endText();
                    y -= Math.max(1, lines.size()) * LEADING + 4;
                }
            } finally {
                out.close();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static String str(Object o) {
        return o == null ? "—" : String.valueOf(o);
    }

    /**
     * Control characters out; without a Unicode font, accents off; any character the font cannot draw (an emoji
     * in free text) as '?', so that no input makes the export fail.
     */
    static String text(String s, PDFont font, boolean unicode) {
        String clean = s.replaceAll("[\\p{Cntrl}]", " ");
        if (!unicode) {
            clean = Normalizer.normalize(clean.replace("—", "-").replace("→", "->"), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
        }
        StringBuilder out = new StringBuilder(clean.length());
        clean.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String s, PDFont font, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(next) / 1000 * SIZE > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
