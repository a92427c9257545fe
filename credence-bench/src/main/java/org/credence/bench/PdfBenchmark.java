package org.credence.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credence.document.Branding;
import org.credence.document.CertificatePdf;
import org.credence.document.CertificateRenderer;
import org.credence.document.CertificateRenderer.Certificate;
import org.credence.document.Design;
import org.credence.document.Designs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Certificate PDFs per second on one thread: Credence's {@link CertificateRenderer} against
 * {@link PlainPdfBoxCertificate}, a document built from scratch with PDFBox for each certificate.
 * Both draw the same built-in design with the same tenant branding (a logo) and the same content.
 *
 * <p>Every invocation renders the next of {@value SigningBenchmark#CREDENTIALS} distinct
 * certificates: different recipient name, number, verification URL (so a different QR code),
 * dates and attached credential JSON. The renderer is built once per trial, as the server
 * builds it once per process.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class PdfBenchmark {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String[] GIVEN = {"Åse", "Bjørn", "Chiara", "Dmitri", "Esther", "Farid", "Grace", "Hiroshi",
            "Ines", "José", "Kwame", "Leilani", "Mei", "Nadia", "Olusegun", "Priya", "Ærlend", "Signe"};
    private static final String[] FAMILY = {"Ødegård", "Lindqvist", "Rossi", "Ivanov", "Cohen", "Haddad", "Hopper", "Tanaka",
            "Moreau", "García", "Mensah", "Kahale", "Chen", "Petrova", "Adeyemi", "Raman", "Haugen", "Østby-Dahl"};

    /** The design, the branding and the distinct certificates, the same for both benchmarks. */
    @State(Scope.Benchmark)
    public static class Inputs {
        @Param({"classic", "modern"})
        public String design;
        Design parsed;
        Branding branding;
        Certificate[] certificates;
        CertificateRenderer renderer;

        @Setup(Level.Trial)
        public void setUp() {
            parsed = Designs.builtIn(design);
            branding = new Branding("A4", "#1f3a5f", "#c8a43b", Optional.of(new Branding.Image("image/png", logo())),
                    Optional.empty(), Optional.empty());
            certificates = certificates(20260312L);
            renderer = new CertificateRenderer();
            // sanity: both produce a readable PDF with the recipient's name, the number and the attached credential
            for (int i = 0; i < certificates.length; i += 211) {
                check(renderer.render(parsed, branding, certificates[i]), certificates[i], "renderer");
                check(PlainPdfBoxCertificate.render(parsed, branding, certificates[i]), certificates[i], "baseline");
            }
        }
    }

    /** The next certificate to render; one per benchmark thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            int i = next;
            next = (i + 1) & (SigningBenchmark.CREDENTIALS - 1);
            return i;
        }
    }

    @Benchmark
    public byte[] baseline(Inputs inputs, Cursor cursor) {
        return PlainPdfBoxCertificate.render(inputs.parsed, inputs.branding, inputs.certificates[cursor.advance()]);
    }

    @Benchmark
    public byte[] renderer(Inputs inputs, Cursor cursor) {
        return inputs.renderer.render(inputs.parsed, inputs.branding, inputs.certificates[cursor.advance()]);
    }

    /** Distinct certificates from a seeded generator, each carrying a realistic credential's JSON. */
    static Certificate[] certificates(long seed) {
        Random random = new Random(seed);
        Certificate[] certificates = new Certificate[SigningBenchmark.CREDENTIALS];
        for (int i = 0; i < certificates.length; i++) {
            Instant issued = SigningBenchmark.BASE_TIME.plus(i * 97L, ChronoUnit.MINUTES);
            String name = GIVEN[random.nextInt(GIVEN.length)] + " " + (char) ('A' + random.nextInt(26)) + ". "
                    + FAMILY[random.nextInt(FAMILY.length)];
            StringBuilder number = new StringBuilder("CRD-");
            for (int k = 0; k < 10; k++) {
                number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                if (k == 3 || k == 7) {
                    number.append('-');
                }
            }
            var json = SigningBenchmark.credential(issued, random);
            ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("credentialSubject")).put("name", name);
            certificates[i] = new Certificate(name, "Data Analysis Fundamentals", "certificate", "Northfield Community College",
                    issued, Optional.of(issued.plus(730, ChronoUnit.DAYS)), number.toString(),
                    "https://badges.northfield.example/verify/" + number, json.toString(), i % 4 == 0 ? "nb" : "en");
        }
        return certificates;
    }

    /** A 400×120 logo with transparency, as a tenant would upload it. */
    static byte[] logo() {
        BufferedImage logo = new BufferedImage(400, 120, BufferedImage.TYPE_INT_ARGB);
        var g = logo.createGraphics();
        g.setColor(new java.awt.Color(0x1f3a5f));
        g.fillRoundRect(0, 0, 400, 120, 40, 40);
        g.setColor(new java.awt.Color(0xc8a43b));
        g.fillOval(20, 20, 80, 80);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(logo, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static void check(byte[] pdf, Certificate certificate, String who) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            if (!text.contains(certificate.recipientName()) || !text.contains(certificate.number())) {
                throw new IllegalStateException(who + " lost the name or number of " + certificate.number() + ": " + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String attached = new String(CertificatePdf.extractCredential(pdf), StandardCharsets.UTF_8);
        if (!attached.equals(certificate.credentialJson())) {
            throw new IllegalStateException(who + " attached another credential than " + certificate.number());
        }
    }
}
