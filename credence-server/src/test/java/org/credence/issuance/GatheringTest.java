package org.credence.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Group commit for single requests: concurrent items share batches, each gets its own outcome. */
class GatheringTest {

    @Test
    void an_item_alone_runs_at_once_as_a_batch_of_one() {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        Gathering<String, Integer, Integer> gathering = new Gathering<>(64, 2, (key, items) -> {
            batches.add(items);
            return items.stream().map(i -> i * 10).toList();
        });

        assertThat(gathering.submit("a", 7)).isEqualTo(70);
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void items_that_arrive_while_batches_run_are_gathered_and_each_gets_its_own_outcome() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        CountDownLatch firstBatchMayEnd = new CountDownLatch(1);
        Gathering<String, Integer, Integer> gathering = new Gathering<>(10, 1, (key, items) -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            batches.add(items);
            if (batches.size() == 1) {
                await(firstBatchMayEnd); // hold the first batch while the others queue
            }
            running.decrementAndGet();
            return items.stream().map(i -> -i).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            outcomes.add(pool.submit(() -> gathering.submit("a", 0)));
            while (batches.isEmpty()) {
                Thread.onSpinWait();
            }
            for (int i = 1; i < 32; i++) {
                int item = i;
                outcomes.add(pool.submit(() -> gathering.submit("a", item)));
            }
            Thread.sleep(200);
            firstBatchMayEnd.countDown();
            for (int i = 0; i < 32; i++) {
                assertThat(outcomes.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(-i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(32);
        assertThat(batches.size()).as("31 items queued behind one batch run in batches of up to 10").isLessThan(32);
        assertThat(batches).allMatch(b -> b.size() <= 10);
        assertThat(mostRunning.get()).isEqualTo(1);
    }

    @Test
    void a_runner_that_starts_beside_a_running_batch_lingers_for_the_items_that_arrive_meanwhile() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch firstBatchMayEnd = new CountDownLatch(1);
        // a linger of a second: the three items below are submitted within microseconds of each other, so whichever
        // becomes the runner finds the others arrived before its linger ends, even on a busy machine
        Gathering<String, Integer, Integer> gathering = new Gathering<>(64, 2, TimeUnit.SECONDS.toNanos(1), (key, items) -> {
            batches.add(items);
            if (items.contains(0)) {
                await(firstBatchMayEnd); // a batch that keeps running: the next runner has company
            }
            return items;
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> first = pool.submit(() -> gathering.submit("a", 0));
            while (batches.isEmpty()) {
                Thread.onSpinWait();
            }
            List<Future<Integer>> lingering = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int item = i;
                lingering.add(pool.submit(() -> gathering.submit("a", item)));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(lingering.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i + 1);
            }
            firstBatchMayEnd.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(0);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void a_runner_alone_never_lingers() {
        // a linger of ten minutes: were it waited alone, this would not finish
        Gathering<String, Integer, Integer> gathering = new Gathering<>(64, 2, TimeUnit.MINUTES.toNanos(10), (key, items) -> items);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            assertThat(gathering.submit("a", 9)).isEqualTo(9);
            assertThat(gathering.submit("a", 10)).isEqualTo(10);
        });
    }

    @Test
    void a_batch_that_fails_fails_its_own_items_and_the_next_batch_still_runs() {
        Gathering<String, Integer, Integer> gathering = new Gathering<>(64, 2, (key, items) -> {
            if (items.contains(13)) {
                throw new IllegalStateException("unlucky batch");
            }
            return items;
        });

        assertThatThrownBy(() -> gathering.submit("a", 13)).isInstanceOf(IllegalStateException.class).hasMessage("unlucky batch");
        assertThat(gathering.submit("a", 14)).isEqualTo(14);
    }

    @Test
    void items_of_different_keys_never_share_a_batch() throws Exception {
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        Gathering<String, String, String> gathering = new Gathering<>(64, 1, (key, items) -> {
            assertThat(items).allMatch(i -> i.startsWith(key));
            batches.add(items);
            return items;
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = i % 2 == 0 ? "even" : "odd";
                String item = key + i;
                outcomes.add(pool.submit(() -> gathering.submit(key, item)));
            }
            for (Future<String> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS)).matches("(even|odd)\\d+");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(40);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
