package org.credence.document;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A small timing harness for the certificate preview (docs/benchmarks.md, "Live previews"): draws the preview of a
 * built-in design with a logo and signature, {@code warmup} times untimed then {@code runs} times, and prints the wall
 * and CPU time per preview (median and p95). Run from credence-server after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.credence.document.PreviewTiming [runs] [design]}.
 */
public final class PreviewTiming {
    private PreviewTiming() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String designName = args.length > 1 ? args[1] : "classic";
        Design design = Designs.builtIn(designName);
        Branding branding = new Branding("A4", "#1f3a5f", "#c8a43b", Optional.of(new Branding.Image("image/png", Png.encode(picture(600, 240)))),
                Optional.of(new Branding.Image("image/png", Png.encode(picture(400, 160)))), Optional.empty());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        CertificateRenderer renderer = new CertificateRenderer();
        CertificatePreviews previews = new CertificatePreviews(renderer);
        long[][] wall = new long[2][runs];
        long[][] used = new long[2][runs];
        int[] bytes = new int[2];
        for (int i = -10; i < runs; i++) {
            var certificate = new CertificateRenderer.Certificate("Kari Nordmann " + i, "Førstehjelp grunnkurs", "certificate", "Credence Academy",
                    Instant.parse("2026-03-12T00:00:00Z"), Optional.empty(), "CRD-PREV-IEW0", "https://example.org/verify/CRD-PREV-IEW0", "{}",
                    "nb", "Et kurs i førstehjelp", "A");
            // the two ways alternate, so both see the same load
            for (int way = 0; way < 2; way++) {
                long w0 = System.nanoTime();
                long c0 = cpu.getCurrentThreadCpuTime();
                byte[] png = way == 0 ? Certificates.firstPage(renderer.render(design, branding, certificate), 840)
                        : previews.png(design, branding, certificate, 840);
                if (i >= 0) {
                    wall[way][i] = System.nanoTime() - w0;
                    used[way][i] = cpu.getCurrentThreadCpuTime() - c0;
                    bytes[way] = png.length;
                }
            }
        }
        String[] names = {"PDF then rasterised (before)", "preview layers (after)"};
        for (int way = 0; way < 2; way++) {
            System.out.printf("%s, %s, 840 px, %d runs: CPU median %.1f ms p95 %.1f ms; wall median %.1f ms p95 %.1f ms; %d bytes%n",
                    names[way], designName, runs, ms(used[way], 0.5), ms(used[way], 0.95), ms(wall[way], 0.5), ms(wall[way], 0.95), bytes[way]);
        }
        System.out.printf("CPU ratio before/after (medians): %.1f×%n", ms(used[0], 0.5) / ms(used[1], 0.5));
    }

    private static double ms(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f3a5f), width, height, new Color(0xc8a43b)));
        g.fillOval(0, 0, width, height);
        g.dispose();
        return image;
    }
}
