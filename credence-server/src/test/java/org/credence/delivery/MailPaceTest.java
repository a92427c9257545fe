package org.credence.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** While paced (a bulk job runs), the batches of every sending thread together keep the rate. */
class MailPaceTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_batch_takes_its_share_of_time_from_its_start() {
        // 50 mails at 50 a second take one second from the batch's start, however fast they were sent
        assertThat(MailWorker.nextBatchAt(0, 10 * SECOND, 50, 50)).isEqualTo(11 * SECOND);
        assertThat(MailWorker.nextBatchAt(0, 10 * SECOND, 10, 100)).isEqualTo(10 * SECOND + SECOND / 10);
    }

    @Test
    void a_second_thread_s_batch_queues_behind_the_first_one_s_share() {
        long first = MailWorker.nextBatchAt(0, 10 * SECOND, 50, 50);
        // started at the same moment on another thread: it may not go again before two seconds are used up
        assertThat(MailWorker.nextBatchAt(first, 10 * SECOND, 50, 50)).isEqualTo(12 * SECOND);
    }

    @Test
    void time_left_unused_is_not_saved_up_for_a_burst_later() {
        long first = MailWorker.nextBatchAt(0, 10 * SECOND, 50, 50);
        assertThat(MailWorker.nextBatchAt(first, 60 * SECOND, 50, 50)).isEqualTo(61 * SECOND);
    }
}
