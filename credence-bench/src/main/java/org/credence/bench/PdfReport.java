package org.credence.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PdfBenchmark} through JMH's Java API and prints a Markdown table for
 * {@code docs/benchmarks.md}: certificates per second with JMH's 99.9% error, and the
 * renderer/baseline ratio per design.
 *
 * <p>Usage: {@code java -cp credence-bench/target/benchmarks.jar org.credence.bench.PdfReport [jmh options]}.
 */
public final class PdfReport {
    private PdfReport() {}

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(PdfBenchmark.class.getName() + "\\.")
                .build()).run();
        System.out.println();
        System.out.println(markdown(results));
    }

    static String markdown(Collection<RunResult> results) {
        // design → benchmark → result
        Map<String, Map<String, Result<?>>> byDesign = new TreeMap<>();
        for (RunResult run : results) {
            String label = run.getParams().getBenchmark();
            byDesign.computeIfAbsent(run.getParams().getParam("design"), d -> new TreeMap<>())
                    .put(label.substring(label.lastIndexOf('.') + 1), run.getPrimaryResult());
        }
        StringBuilder out = new StringBuilder("| Design | Benchmark | certificates/s | ± error (99.9%) | ms per certificate |\n");
        out.append("|---|---|---:|---:|---:|\n");
        byDesign.forEach((design, rows) -> rows.forEach((name, r) -> out.append(String.format(Locale.ROOT,
                "| %s | `%s` | %,.0f | %,.1f | %.2f |%n", design, name, r.getScore(), r.getScoreError(), 1000 / r.getScore()))));
        out.append('\n');
        byDesign.forEach((design, rows) -> {
            Result<?> fast = rows.get("renderer");
            Result<?> base = rows.get("baseline");
            if (fast != null && base != null) {
                out.append(String.format(Locale.ROOT, "- %s: renderer/baseline = **%.2f×** (worst case within the error bars %.2f×)%n",
                        design, fast.getScore() / base.getScore(),
                        (fast.getScore() - fast.getScoreError()) / (base.getScore() + base.getScoreError())));
            }
        });
        return out.toString();
    }
}
