package org.credence.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * A cross-check of {@link PdfBenchmark} that a busy machine disturbs less. It renders the same
 * distinct certificates with the renderer and with the baseline in alternating blocks, and
 * counts the CPU time of this thread ({@link ThreadMXBean}) rather than wall time, so time spent
 * waiting for a core that other processes hold is not counted, and a change of load hits both
 * sides alike. Prints, per design, the median CPU milliseconds per certificate of each and
 * their ratio.
 *
 * <p>Usage: {@code java -cp credence-bench/target/benchmarks.jar org.credence.bench.PdfCpuTime [rounds]}
 * (default 40 rounds of 32 certificates each way, after 10 unmeasured rounds).
 */
public final class PdfCpuTime {
    private static final int BLOCK = 32;
    private static final int WARM_ROUNDS = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;

    private PdfCpuTime() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.println("| Design | renderer, CPU ms per certificate | baseline, CPU ms per certificate | renderer/baseline |");
        System.out.println("|---|---:|---:|---:|");
        for (String design : new String[] {"classic", "modern"}) {
            PdfBenchmark.Inputs inputs = new PdfBenchmark.Inputs();
            inputs.design = design;
            inputs.setUp();
            IntUnaryOperator renderer = i -> inputs.renderer.render(inputs.parsed, inputs.branding, inputs.certificates[i]).length;
            IntUnaryOperator baseline = i -> PlainPdfBoxCertificate.render(inputs.parsed, inputs.branding, inputs.certificates[i]).length;
            double[] fast = new double[rounds];
            double[] slow = new double[rounds];
            int next = 0;
            for (int round = -WARM_ROUNDS; round < rounds; round++) {
                double f = cpuMillisPerCertificate(renderer, next);
                double s = cpuMillisPerCertificate(baseline, next);
                next += BLOCK;
                if (round >= 0) {
                    fast[round] = f;
                    slow[round] = s;
                }
            }
            double f = median(fast);
            double s = median(slow);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | **%.2f×** |%n", design, f, s, s / f);
        }
        if (sink == 42) {
            System.out.println(); // keeps the rendered lengths alive, so no render can be optimised away
        }
    }

    private static double cpuMillisPerCertificate(IntUnaryOperator render, int from) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < BLOCK; i++) {
            sink += render.applyAsInt((from + i) & (SigningBenchmark.CREDENTIALS - 1));
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / BLOCK;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
