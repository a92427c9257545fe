package org.credence.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.ibm.icu.lang.UCharacter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * Draws certificates from a {@link Design}. Built for throughput: each bundled font is parsed
 * once per renderer and shared by every document, each document embeds only the glyphs it
 * draws, cut from the shared font before drawing ({@link EmbeddedFonts}),
 * branding images are decoded and compressed once ({@link PreparedImages}), text is measured
 * once from the font's advance widths, and the parts of a design that are the same on every
 * certificate are drawn once per design, look and language into a form XObject that each
 * certificate copies as finished bytes ({@link FixedLayers}) and draws its own content over.
 *
 * <p>The output is deterministic: the document ID derives from the credential, the dates are
 * the issuance time, and PDFBox's subset tags derive from the glyphs used.
 */
public final class CertificateRenderer {
    private static final float POINTS_PER_MM = 72 / 25.4f;
    private static final PDRectangle LETTER = new PDRectangle(215.9f * POINTS_PER_MM, 279.4f * POINTS_PER_MM);
    private final Map<BundledFonts, TrueTypeFont> fonts = new EnumMap<>(BundledFonts.class);
    private final Map<BundledFonts, TextLayout.Metrics> metrics = new EnumMap<>(BundledFonts.class);
    private final PreparedImages images = new PreparedImages();
    private final FixedLayers fixedLayers = new FixedLayers();

    /** What one certificate shows, already in the language it is drawn in ({@code en} or {@code nb}). */
    public record Certificate(String recipientName, String achievementName, String achievementKind, String issuerName,
                              Instant issuedAt, Optional<Instant> expiresAt, String number, String verifyUrl,
                              String credentialJson, String language, String achievementDescription, String grade, BigDecimal hours) {
        public Certificate {
            achievementDescription = achievementDescription == null ? "" : achievementDescription;
            grade = grade == null ? "" : grade;
        }

        /** A certificate without the course's hours to show. */
        public Certificate(String recipientName, String achievementName, String achievementKind, String issuerName, Instant issuedAt,
                           Optional<Instant> expiresAt, String number, String verifyUrl, String credentialJson, String language,
                           String achievementDescription, String grade) {
            this(recipientName, achievementName, achievementKind, issuerName, issuedAt, expiresAt, number, verifyUrl, credentialJson, language,
                    achievementDescription, grade, null);
        }

        /** A certificate without a description or grade to show. */
        public Certificate(String recipientName, String achievementName, String achievementKind, String issuerName, Instant issuedAt,
                           Optional<Instant> expiresAt, String number, String verifyUrl, String credentialJson, String language) {
            this(recipientName, achievementName, achievementKind, issuerName, issuedAt, expiresAt, number, verifyUrl, credentialJson, language,
                    "", "", null);
        }
    }

    /** The PDF of a certificate. */
    public byte[] render(Design design, Branding branding, Certificate certificate) {
        try (Drawn drawn = draw(design, branding, certificate, Part.WHOLE)) {
            describe(drawn.document(), certificate);
            CertificatePdf.attach(drawn.document(), certificate.credentialJson(), certificate.issuedAt());
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            drawn.document().save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which part of the page {@link #draw} draws: all of it, only the part every certificate of a look shares, or only the rest. */
    enum Part { WHOLE, FIXED, VARIABLE }

    /**
     * A one-page document drawn in memory, not saved: the certificate as {@link #render} draws it but without the attached
     * credential and description, which nothing on the page shows. Close it, which also releases its fonts, when done.
     */
    record Drawn(PDDocument document, EmbeddedFonts fonts) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (document) {
                fonts.close();
            }
        }
    }

    /** The page, or the {@code part} of it, of a certificate as one in-memory document (for {@link #render} and previews). */
    Drawn draw(Design design, Branding branding, Certificate certificate, Part part) {
        CertificateFields fields = new CertificateFields(certificate);
        String language = certificate.language();
        PDDocument doc = new PDDocument();
        EmbeddedFonts fontsOf = null;
        try {
            fontsOf = new EmbeddedFonts(doc, part == Part.FIXED ? Map.of() : charactersUsed(design, branding, fields, language, false),
                    this::parsed);
            PDRectangle size = pageSize(branding.pageSize(), design.landscape());
            PDPage page = new PDPage(size);
            doc.addPage(page);
            PDFormXObject fixed = part == Part.VARIABLE ? null : fixedLayers.in(doc, FixedLayers.Key.of(design, branding, language),
                    () -> fixedLayer(design, branding, fields, language, size));
            try (PDPageContentStream content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, true)) {
                if (fixed != null) {
                    content.drawForm(fixed);
                }
                if (part != Part.FIXED) {
                    Canvas canvas = new Canvas(doc, content, size, branding, fontsOf, this::metrics, images);
                    for (Design.Element element : design.elements()) {
                        if (!isFixed(element)) {
                            shown(element, branding, fields).ifPresent(drawn -> draw(canvas, drawn, fields, language));
                        }
                    }
                }
            }
            return new Drawn(doc, fontsOf);
        } catch (IOException | RuntimeException e) {
            if (fontsOf != null) {
                fontsOf.close();
            }
            try {
                doc.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The fixed elements drawn into a form XObject of a scratch document, with fonts of their own glyphs. */
    private CosSnapshot fixedLayer(Design design, Branding branding, CertificateFields fields, String language, PDRectangle size) {
        try (PDDocument scratch = new PDDocument();
             EmbeddedFonts fonts = new EmbeddedFonts(scratch, charactersUsed(design, branding, fields, language, true), this::parsed)) {
            // an appearance stream is a form XObject that PDFBox lets us write with a compressed page content stream
            PDAppearanceStream form = new PDAppearanceStream(scratch);
            form.setBBox(new PDRectangle(size.getWidth(), size.getHeight()));
            form.setResources(new PDResources());
            try (PDPageContentStream out = new PDPageContentStream(scratch, form,
                    form.getContentStream().createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE))) {
                Canvas canvas = new Canvas(scratch, out, size, branding, fonts, this::metrics, images);
                canvas.background(design.background());
                for (Design.Element element : design.elements()) {
                    if (isFixed(element)) {
                        shown(element, branding, fields).ifPresent(drawn -> draw(canvas, drawn, fields, language));
                    }
                }
            }
            return CosSnapshot.of(form.getCOSObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Elements that are the same on every certificate of a design and tenant. A condition on the logo or
     * signature keeps an element fixed (the layer is kept per branding); one on a field does not.
     */
    private static boolean isFixed(Design.Element element) {
        if (element instanceof Design.Conditional c) {
            return c.onBranding() && isFixed(c.element());
        }
        return element instanceof Design.Text text ? text.isStatic() : !(element instanceof Design.Qr);
    }

    /** The element to draw on this certificate, unwrapped from its condition; empty when its condition does not hold. */
    static Optional<Design.Element> shown(Design.Element element, Branding branding, CertificateFields fields) {
        if (!(element instanceof Design.Conditional c)) {
            return Optional.of(element);
        }
        boolean there = switch (c.subject()) {
            case "logo" -> branding.logo().isPresent();
            case "signature" -> branding.signature().isPresent();
            default -> fields.has(c.subject());
        };
        return there == c.present() ? shown(c.element(), branding, fields) : Optional.empty();
    }

    private static void draw(Canvas canvas, Design.Element element, CertificateFields fields, String language) {
        try {
            canvas.draw(element, fields, language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Title, author and fixed dates; a document ID from the credential, so the bytes repeat. */
    private static void describe(PDDocument doc, Certificate certificate) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(certificate.achievementName() + " — " + certificate.recipientName());
        info.setAuthor(certificate.issuerName());
        info.setSubject(certificate.number());
        Calendar issued = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        issued.setTimeInMillis(certificate.issuedAt().toEpochMilli());
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        byte[] id = sha256(certificate.credentialJson());
        COSArray ids = new COSArray();
        ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
        ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
        doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
    }

    static PDRectangle pageSize(String name, boolean landscape) {
        PDRectangle portrait = "Letter".equalsIgnoreCase(name) ? LETTER : PDRectangle.A4;
        return landscape ? new PDRectangle(portrait.getHeight(), portrait.getWidth()) : portrait;
    }

    /**
     * Per font, the characters the fixed layer or the rest of the certificate draws with it: each text as {@link Canvas} will
     * draw it, plus the ellipsis a wrapped text may end with and the space, which a line draws in
     * the font of the run it sits in.
     */
    private Map<BundledFonts, SortedSet<Integer>> charactersUsed(Design design, Branding branding, CertificateFields fields, String language,
                                                                 boolean fixed) {
        Map<BundledFonts, SortedSet<Integer>> used = new EnumMap<>(BundledFonts.class);
        for (Design.Element element : design.elements()) {
            if (isFixed(element) == fixed && shown(element, branding, fields).orElse(null) instanceof Design.Text t) {
                TextLayout.Metrics m = metrics(t.font());
                String text = TextLayout.drawable(fields.fill(t.text().get(language), language), m);
                if (!text.isEmpty()) {
                    // a bracket in right-to-left text is drawn as its mirror image: both go into the subset
                    (text + '…').codePoints().flatMap(cp -> IntStream.of(cp, UCharacter.getMirror(cp)))
                            .filter(m::hasGlyph)
                            .forEach(cp -> used.computeIfAbsent(m.font(m.fontFor(cp)), f -> new TreeSet<>()).add(cp));
                }
            }
        }
        used.values().forEach(characters -> characters.add((int) ' '));
        return used;
    }

    /** The parsed font, shared by all documents (fontbox guards its lazy table reads itself). */
    private synchronized TrueTypeFont parsed(BundledFonts font) {
        return fonts.computeIfAbsent(font, f -> {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(f.bytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private synchronized TextLayout.Metrics metrics(BundledFonts font) {
        return metrics.computeIfAbsent(font, f -> {
            List<BundledFonts> chain = new java.util.ArrayList<>(List.of(f));
            // DejaVu Sans covers scripts DejaVu Serif lacks (Hebrew, Arabic …): it stands in, at the same weight;
            // then Noto Sans SC and KR for Chinese, Japanese and Korean (regular weight only: a bold CJK font is another 10 MB)
            BundledFonts sans = f.name().contains("BOLD") ? BundledFonts.SANS_BOLD : BundledFonts.SANS;
            for (BundledFonts next : List.of(sans, BundledFonts.SANS, BundledFonts.SANS_SC, BundledFonts.SANS_KR)) {
                if (!chain.contains(next)) {
                    chain.add(next);
                }
            }
            return new TextLayout.Metrics(chain, chain.stream().map(this::parsed).toList());
        });
    }

    /** A QR code's modules (true = dark), with a medium error correction and no quiet zone. */
    static BitMatrix qr(String url) {
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the verification URL does not fit in a QR code", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
