package org.credence.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SigningBenchmark} through JMH's Java API and prints a Markdown table for
 * {@code docs/benchmarks.md}: ops/s with JMH's 99.9% error, fast/baseline ratios for sign and
 * verify per {@code timestamps} setting, and raw Ed25519 as the ceiling.
 *
 * <p>Usage: {@code java -cp credence-bench/target/benchmarks.jar org.credence.bench.SigningReport [jmh options]};
 * JMH command-line options (for example {@code -wi 1 -i 2} or {@code -p timestamps=distinct})
 * override the annotations.
 */
public final class SigningReport {
    private static final String[] RAW = {"rawEd25519Sign", "rawEd25519Verify"};
    private static final String[] PIPELINE = {"baselineSign", "fastSign", "baselineVerify", "fastVerify"};
    private static final String[] TIMESTAMPS = {"distinct", "shared"};

    private SigningReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(SigningBenchmark.class.getName() + "\\.")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(markdown(results));
    }

    static String markdown(Collection<RunResult> results) {
        Map<String, Result<?>> byKey = new LinkedHashMap<>();
        for (RunResult run : results) {
            String label = run.getParams().getBenchmark();
            String timestamps = run.getParams().getParam("timestamps");
            byKey.put(key(label.substring(label.lastIndexOf('.') + 1), timestamps), run.getPrimaryResult());
        }
        StringBuilder out = new StringBuilder();
        out.append("| Benchmark | timestamps | ops/s | ± error (99.9%) |\n");
        out.append("|---|---|---:|---:|\n");
        for (String name : RAW) {
            row(out, byKey, name, null);
        }
        for (String timestamps : TIMESTAMPS) {
            for (String name : PIPELINE) {
                row(out, byKey, name, timestamps);
            }
        }
        out.append('\n');
        for (String timestamps : TIMESTAMPS) {
            ratio(out, byKey, "Sign", timestamps, "fastSign", "baselineSign", "rawEd25519Sign");
            ratio(out, byKey, "Verify", timestamps, "fastVerify", "baselineVerify", "rawEd25519Verify");
        }
        return out.toString();
    }

    private static String key(String benchmark, String timestamps) {
        return timestamps == null ? benchmark : benchmark + "/" + timestamps;
    }

    private static void row(StringBuilder out, Map<String, Result<?>> byKey, String name, String timestamps) {
        Result<?> r = byKey.get(key(name, timestamps));
        if (r != null) {
            out.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", name, timestamps == null ? "–" : timestamps,
                    number(r.getScore()), number(r.getScoreError())));
        }
    }

    private static void ratio(StringBuilder out, Map<String, Result<?>> byKey, String what, String timestamps,
                              String fast, String baseline, String raw) {
        Result<?> f = byKey.get(key(fast, timestamps));
        Result<?> b = byKey.get(key(baseline, timestamps));
        Result<?> c = byKey.get(raw);
        if (f == null || b == null) {
            return;
        }
        out.append(String.format(Locale.ROOT, "- %s, %s timestamps: fast/baseline = **%.2f×**", what, timestamps, f.getScore() / b.getScore()));
        if (c != null) {
            out.append(String.format(Locale.ROOT, " (fast at %.1f%% of the raw Ed25519 ceiling, baseline at %.1f%%)",
                    100 * f.getScore() / c.getScore(), 100 * b.getScore() / c.getScore()));
        }
        out.append('\n');
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }
}
