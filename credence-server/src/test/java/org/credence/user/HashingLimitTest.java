package org.credence.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HashingLimitTest {
    @Test
    void a_hash_past_the_bound_and_the_full_queue_is_refused_at_once_and_the_slot_is_reused_after() throws Exception {
        HashingLimit limit = new HashingLimit(1, 0, Duration.ofMinutes(1));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> holding = pool.submit(() -> limit.run(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            started.await();
            assertThatThrownBy(() -> limit.run(() -> "second")).isInstanceOf(HashingLimit.Busy.class)
                    .satisfies(e -> assertThat(((HashingLimit.Busy) e).retryAfter()).isPositive());
            release.countDown();
            assertThat(holding.get()).isEqualTo("first");
        } finally {
            pool.shutdownNow();
        }
        assertThat(limit.run(() -> "third")).isEqualTo("third");
        assertThat(limit.peak()).isEqualTo(1);
    }

    @Test
    void the_bound_for_this_machine_fits_a_quarter_of_the_heap_and_the_processors() {
        HashingLimit limit = HashingLimit.forThisMachine(Passwords.MEMORY_KIB);
        long quarterHeapHashes = Runtime.getRuntime().maxMemory() / 4 / (Passwords.MEMORY_KIB * 1024L);
        assertThat(limit.concurrent()).isBetween(1, Runtime.getRuntime().availableProcessors());
        assertThat((long) limit.concurrent()).isLessThanOrEqualTo(Math.max(1, quarterHeapHashes));
    }
}
