package org.credence.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SigningBenchmark} and the Digital Bazaar JavaScript peer ({@link JsPeer}) side by
 * side and prints a Markdown report for {@code docs/benchmarks.md}.
 *
 * <p>The run is made of rounds; each round is one JMH fork of every benchmark followed by one run
 * of the JS peer, so that all of them share the machine's conditions of that moment (this
 * machine's load moves a lot). Every figure is the median over the rounds, with the range; every
 * ratio is computed within a round, then the median taken.
 *
 * <p>Usage: {@code java -Drounds=5 -Djs.seconds=10 -cp credence-bench/target/benchmarks.jar
 * org.credence.bench.SigningReport [jmh options]}, from the repository root. JMH command-line
 * options (for example {@code -wi 2 -i 3}) override the annotations; without {@code -p} only
 * {@code timestamps=distinct} runs. Without Node or the npm packages the JS rows are left out.
 */
public final class SigningReport {
    private static final String[] BENCHMARKS = {"rawEd25519Sign", "rawEd25519Verify", "baselineSign", "fastSign",
        "baselineVerify", "fastVerify"};
    private static final String JS_SIGN = "jsSign";
    private static final String JS_VERIFY = "jsVerify";
    /** Prefix of the process CPU µs per operation figures ({@link CpuTime}, and the JS peer's own). */
    private static final String CPU = "cpu:";

    private SigningReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException, InterruptedException {
        int rounds = Integer.getInteger("rounds", 3);
        int jsSeconds = Integer.getInteger("js.seconds", 10);
        int cpuSeconds = Integer.getInteger("cpu.seconds", 3);
        String jsUnavailable = JsPeer.unavailable().orElse(null);
        if (jsUnavailable != null) {
            System.out.println("JS peer skipped: " + jsUnavailable);
        }
        List<Map<String, Double>> byRound = new ArrayList<>();
        List<JsPeer.Rates> js = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            ChainedOptionsBuilder options = new OptionsBuilder().parent(new CommandLineOptions(args))
                    .include(SigningBenchmark.class.getName() + "\\.").forks(1);
            if (!Arrays.asList(args).contains("-p")) {
                options.param("timestamps", "distinct");
            }
            Map<String, Double> scores = scores(new Runner(options.build()).run());
            CpuTime.measure(cpuSeconds).forEach((name, micros) -> scores.put(CPU + name, micros));
            if (jsUnavailable == null) {
                JsPeer.Rates rates = JsPeer.run(1, jsSeconds).get(0);
                js.add(rates);
                scores.put(JS_SIGN, rates.signOpsPerSecond());
                scores.put(JS_VERIFY, rates.verifyOpsPerSecond());
                scores.put(CPU + JS_SIGN, rates.signCpuMicrosPerOp());
                scores.put(CPU + JS_VERIFY, rates.verifyCpuMicrosPerOp());
            }
            byRound.add(scores);
            System.out.println("round " + round + ": " + scores);
        }
        System.out.println();
        System.out.println(markdown(byRound, js));
    }

    /** Score per benchmark (with its timestamps parameter, when it has one) of one JMH run. */
    static Map<String, Double> scores(Collection<RunResult> results) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RunResult run : results) {
            String label = run.getParams().getBenchmark();
            String timestamps = run.getParams().getParam("timestamps");
            String name = label.substring(label.lastIndexOf('.') + 1);
            scores.put(timestamps == null ? name : name + "/" + timestamps, run.getPrimaryResult().getScore());
        }
        return scores;
    }

    static String markdown(List<Map<String, Double>> rounds, List<JsPeer.Rates> js) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d rounds (one JMH fork of each benchmark, then one JS run).%n%n", rounds.size()));
        out.append("| Benchmark | median ops/s (wall clock) | min – max |\n|---|---:|---:|\n");
        for (String key : keys(rounds)) {
            double[] values = values(rounds, r -> r.getOrDefault(key, Double.NaN));
            out.append(String.format(Locale.ROOT, "| `%s` | %s | %s – %s |%n", key, number(median(values)),
                    number(Arrays.stream(values).min().orElse(Double.NaN)), number(Arrays.stream(values).max().orElse(Double.NaN))));
        }
        out.append("\n| Operation | median CPU µs per op (process, GC included) | min – max |\n|---|---:|---:|\n");
        for (String name : new String[] {"rawEd25519Sign", "rawEd25519Verify", "baselineSign", "fastSign", "baselineVerify", "fastVerify",
            JS_SIGN, JS_VERIFY}) {
            double[] values = values(rounds, r -> r.getOrDefault(CPU + name, Double.NaN));
            if (values.length > 0) {
                out.append(String.format(Locale.ROOT, "| `%s` | %s | %s – %s |%n", name, number(median(values)),
                        number(Arrays.stream(values).min().orElse(Double.NaN)), number(Arrays.stream(values).max().orElse(Double.NaN))));
            }
        }
        out.append("\nBy CPU time per operation (the denominator's CPU over the numerator's):\n\n");
        ratio(out, rounds, "Sign: fast vs JS stack", CPU + JS_SIGN, CPU + "fastSign");
        ratio(out, rounds, "Verify: fast vs JS stack", CPU + JS_VERIFY, CPU + "fastVerify");
        ratio(out, rounds, "Sign: fast vs titanium", CPU + "baselineSign", CPU + "fastSign");
        ratio(out, rounds, "Verify: fast vs titanium", CPU + "baselineVerify", CPU + "fastVerify");
        ratio(out, rounds, "Sign: raw Ed25519 share of fast", CPU + "rawEd25519Sign", CPU + "fastSign");
        ratio(out, rounds, "Verify: raw Ed25519 share of fast", CPU + "rawEd25519Verify", CPU + "fastVerify");
        out.append("\nBy wall-clock throughput (JMH):\n\n");
        for (String timestamps : timestamps(rounds)) {
            String suffix = timestamps.isEmpty() ? "" : "/" + timestamps;
            ratio(out, rounds, "Sign: fast / JS stack", "fastSign" + suffix, JS_SIGN);
            ratio(out, rounds, "Verify: fast / JS stack", "fastVerify" + suffix, JS_VERIFY);
            ratio(out, rounds, "Sign: fast / titanium", "fastSign" + suffix, "baselineSign" + suffix);
            ratio(out, rounds, "Verify: fast / titanium", "fastVerify" + suffix, "baselineVerify" + suffix);
            ratio(out, rounds, "Sign: fast / raw Ed25519 sign", "fastSign" + suffix, "rawEd25519Sign");
            ratio(out, rounds, "Verify: fast / raw Ed25519 verify", "fastVerify" + suffix, "rawEd25519Verify");
        }
        if (!js.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nJS peer sanity: same proofValue as Credence %s; refuses an added InvalidType: %s%n",
                    js.get(0).sameProofValueAsCredence(), js.stream().allMatch(JsPeer.Rates::refusesInvalidType)));
        }
        return out.toString();
    }

    private static void ratio(StringBuilder out, List<Map<String, Double>> rounds, String what, String numerator, String denominator) {
        double[] ratios = values(rounds, r -> r.getOrDefault(numerator, Double.NaN) / r.getOrDefault(denominator, Double.NaN));
        if (Arrays.stream(ratios).allMatch(Double::isNaN)) {
            return;
        }
        out.append(String.format(Locale.ROOT, "- %s (`%s` / `%s`): median **%.1f×** (rounds: %s)%n", what, numerator, denominator,
                median(ratios), String.join(", ", Arrays.stream(ratios).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toList())));
    }

    private static List<String> keys(List<Map<String, Double>> rounds) {
        List<String> keys = new ArrayList<>();
        for (String name : BENCHMARKS) {
            for (Map<String, Double> round : rounds) {
                for (String key : round.keySet()) {
                    if ((key.equals(name) || key.startsWith(name + "/")) && !keys.contains(key)) {
                        keys.add(key);
                    }
                }
            }
        }
        if (rounds.stream().anyMatch(r -> r.containsKey(JS_SIGN))) {
            keys.add(JS_SIGN);
            keys.add(JS_VERIFY);
        }
        return keys;
    }

    private static List<String> timestamps(List<Map<String, Double>> rounds) {
        List<String> found = new ArrayList<>();
        for (Map<String, Double> round : rounds) {
            for (String key : round.keySet()) {
                String t = key.startsWith("fastSign") ? key.substring("fastSign".length()).replace("/", "") : null;
                if (t != null && !found.contains(t)) {
                    found.add(t);
                }
            }
        }
        return found;
    }

    private static double[] values(List<Map<String, Double>> rounds, ToDoubleFunction<Map<String, Double>> value) {
        return rounds.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }
}
