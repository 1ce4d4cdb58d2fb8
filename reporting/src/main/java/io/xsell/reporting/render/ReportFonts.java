package io.xsell.reporting.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * The fonts the summary is printed in, shipped in this module (fonts/README.txt): Noto Sans for
 * Latin, Cyrillic and Greek, Droid Sans Fallback for Chinese and Japanese. openhtmltopdf embeds the
 * glyphs a summary uses (a subset) and takes each character from the first family of
 * {@link #CSS_FAMILY} that has it, so "Müller 株式会社" prints as written, whatever fonts the
 * machine has.
 */
public final class ReportFonts {
    static final String TEXT_FAMILY = "Noto Sans";
    static final String CJK_FAMILY = "Droid Sans Fallback";
    /** The {@code font-family} of every text of the page, footer included. */
    public static final String CSS_FAMILY = "'" + TEXT_FAMILY + "', '" + CJK_FAMILY + "', sans-serif";

    private static final byte[] REGULAR = read("NotoSans-Regular.ttf");
    private static final byte[] BOLD = read("NotoSans-Bold.ttf");
    private static final byte[] CJK = read("DroidSansFallbackFull.ttf");
    private static final Font AWT_TEXT = awt(REGULAR);
    private static final Font AWT_CJK = awt(CJK);

    private ReportFonts() {
    }

    private static byte[] read(String file) {
        try (InputStream in = ReportFonts.class.getResourceAsStream("/io/xsell/reporting/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is missing from the reporting module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + file, e);
        }
    }

    private static Font awt(byte[] bytes) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load a bundled font", e);
        }
    }

    /** Registers the families with a renderer; each PDF embeds only the glyphs it uses. */
    static void register(PdfRendererBuilder builder) {
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), TEXT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), TEXT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(CJK), CJK_FAMILY, 400, FontStyle.NORMAL, true);
    }

    /**
     * A font for chart text that can draw every one of {@code texts}: the JVM's sans-serif (which
     * falls back across the machine's fonts), else the bundled Noto Sans, else Droid Sans
     * Fallback. A chart axis draws all its labels in one font, so the choice is per chart.
     */
    static Font chartFont(Collection<String> texts, int style, float size) {
        for (Font candidate : List.of(new Font(Font.SANS_SERIF, Font.PLAIN, 1), AWT_TEXT, AWT_CJK)) {
            if (texts.stream().allMatch(t -> candidate.canDisplayUpTo(t.replace('\n', ' ')) == -1)) {
                return candidate.deriveFont(style, size);
            }
        }
        return new Font(Font.SANS_SERIF, style, Math.round(size));
    }
}
