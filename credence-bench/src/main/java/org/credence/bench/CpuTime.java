package org.credence.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The process CPU time per operation of {@link SigningBenchmark}'s operations (distinct
 * timestamps, same inputs), measured in this JVM, GC and compiler threads included: the measure
 * the JS peer reports too. On a machine shared with other work, wall-clock throughput moves with
 * the load; CPU time per operation much less.
 */
final class CpuTime {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU time each operation runs before it is measured. */
    private static final long WARM_UP_CPU_NANOS = 1_500_000_000L;

    private CpuTime() {}

    /** Microseconds of CPU per operation, keyed by benchmark name; each measured for {@code seconds} of wall time after 1.5 s of CPU of warm-up. */
    static Map<String, Double> measure(int seconds) {
        SigningBenchmark.Unsigned unsigned = new SigningBenchmark.Unsigned();
        unsigned.timestamps = "distinct";
        unsigned.setUp();
        SigningBenchmark.Signed signed = new SigningBenchmark.Signed();
        signed.timestamps = "distinct";
        signed.setUp();
        SigningBenchmark.Raw raw = new SigningBenchmark.Raw();
        raw.setUp();
        int mask = SigningBenchmark.CREDENTIALS - 1;
        Map<String, Double> micros = new LinkedHashMap<>();
        micros.put("rawEd25519Sign", perOp(seconds, i -> raw.key.sign(raw.messages[i & mask])));
        micros.put("rawEd25519Verify", perOp(seconds, i -> {
            if (!raw.publicKey.verify(raw.messages[i & mask], raw.signatures[i & mask])) {
                throw new IllegalStateException("a raw signature did not verify");
            }
        }));
        micros.put("baselineSign", perOp(seconds, i -> unsigned.baseline.sign(unsigned.credentials[i & mask], unsigned.key,
                SigningBenchmark.VERIFICATION_METHOD, unsigned.created[i & mask])));
        micros.put("fastSign", perOp(seconds, i -> unsigned.fast.sign(unsigned.credentials[i & mask], unsigned.key,
                SigningBenchmark.VERIFICATION_METHOD, unsigned.created[i & mask])));
        micros.put("baselineVerify", perOp(seconds, i -> signed.baseline.verify(signed.credentials[i & mask], signed.proofs[i & mask], signed.publicKey)));
        micros.put("fastVerify", perOp(seconds, i -> signed.fast.verify(signed.credentials[i & mask], signed.proofs[i & mask], signed.publicKey)));
        return micros;
    }

    private static double perOp(int seconds, IntConsumer operation) {
        // warm up by CPU spent, not by wall time: this JVM has not run these paths yet (JMH ran them
        // in forks), and on a loaded machine a wall-clock warm-up ends before the JIT compilers do
        int i = 0;
        long warmCpu = OS.getProcessCpuTime() + WARM_UP_CPU_NANOS;
        while (OS.getProcessCpuTime() < warmCpu) {
            for (int k = 0; k < 16; k++) {
                operation.accept(i++);
            }
        }
        long count = 0;
        long cpu = OS.getProcessCpuTime();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            operation.accept(i++);
            count++;
        }
        return (OS.getProcessCpuTime() - cpu) / 1000.0 / count;
    }
}
