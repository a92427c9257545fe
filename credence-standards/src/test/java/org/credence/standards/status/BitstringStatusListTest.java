package org.credence.standards.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.multibase.Multibase;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

    private final BitstringStatusList list = BitstringStatusList.create(BitstringStatusList.MINIMUM_SIZE);

    @Test
    void a_new_list_has_the_requested_size_and_no_bits_set() {
        assertThat(list.size()).isEqualTo(131_072);
        assertThat(list.bytes()).hasSize(16 * 1024).containsOnly(0);
    }

    @Test
    void index_0_is_the_most_significant_bit_of_the_first_byte() {
        list.set(0);

        assertThat(list.isSet(0)).isTrue();
        assertThat(list.bytes()[0]).isEqualTo((byte) 0x80);
    }

    @Test
    void index_7_is_the_least_significant_bit_of_the_first_byte_and_index_8_starts_the_second() {
        list.set(7);
        list.set(8);

        assertThat(list.bytes()[0]).isEqualTo((byte) 0x01);
        assertThat(list.bytes()[1]).isEqualTo((byte) 0x80);
    }

    @Test
    void the_last_index_is_the_least_significant_bit_of_the_last_byte() {
        int last = list.size() - 1;
        list.set(last);

        assertThat(list.isSet(last)).isTrue();
        assertThat(list.bytes()[list.bytes().length - 1]).isEqualTo((byte) 0x01);
    }

    @Test
    void clearing_a_bit_leaves_its_neighbours_alone() {
        list.set(41);
        list.set(42);
        list.set(43);

        list.clear(42);

        assertThat(list.isSet(41)).isTrue();
        assertThat(list.isSet(42)).isFalse();
        assertThat(list.isSet(43)).isTrue();
    }

    @Test
    void setting_and_clearing_twice_is_the_same_as_once() {
        list.set(5);
        list.set(5);
        assertThat(list.isSet(5)).isTrue();

        list.clear(5);
        list.clear(5);
        assertThat(list.isSet(5)).isFalse();
    }

    @Test
    void an_index_at_or_beyond_the_size_is_refused_with_the_list_size_in_the_message() {
        assertThatThrownBy(() -> list.set(140_000))
                .isInstanceOf(StatusListException.class)
                .hasMessage("index 140000 is outside the list (131072 entries)")
                .extracting(e -> ((StatusListException) e).code())
                .isEqualTo(StatusListException.Code.INDEX_OUT_OF_RANGE);
        assertThatThrownBy(() -> list.isSet(list.size())).isInstanceOf(StatusListException.class);
        assertThatThrownBy(() -> list.clear(list.size())).isInstanceOf(StatusListException.class);
    }

    @Test
    void a_negative_index_is_refused() {
        assertThatThrownBy(() -> list.isSet(-1))
                .isInstanceOf(StatusListException.class)
                .hasMessage("index -1 is outside the list (131072 entries)");
    }

    @Test
    void a_list_smaller_than_the_minimum_is_refused() {
        assertThatThrownBy(() -> BitstringStatusList.create(131_064))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status list size 131064 is below the minimum of 131072 entries");
    }

    @Test
    void a_size_that_does_not_fill_whole_bytes_is_refused() {
        assertThatThrownBy(() -> BitstringStatusList.create(131_073))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a multiple of 8");
    }

    @Test
    void a_size_beyond_what_decode_accepts_is_refused() {
        assertThatThrownBy(() -> BitstringStatusList.create(BitstringStatusList.MAXIMUM_SIZE + 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above the maximum");
    }

    @Test
    void a_larger_list_works_up_to_its_last_index() {
        var larger = BitstringStatusList.create(2 * BitstringStatusList.MINIMUM_SIZE);
        larger.set(larger.size() - 1);

        assertThat(BitstringStatusList.decode(larger.encode()).isSet(262_143)).isTrue();
    }

    @Test
    void encoding_is_multibase_base64url_without_padding() {
        String encoded = list.encode();

        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
    }

    @Test
    void encoding_is_deterministic_with_a_zero_gzip_timestamp() {
        list.set(42);
        String encoded = list.encode();
        byte[] gzip = Multibase.BASE_64_URL.decode(encoded);

        assertThat(list.copy().encode()).isEqualTo(encoded);
        assertThat(gzip).startsWith(0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00);
    }

    @Test
    void an_empty_minimum_list_compresses_to_a_few_dozen_characters() {
        assertThat(list.encode()).hasSizeLessThan(100);
    }

    @Test
    void a_copy_does_not_change_when_the_original_does() {
        var copy = list.copy();

        list.set(1);

        assertThat(copy.isSet(1)).isFalse();
    }

    @Test
    void changing_the_returned_bytes_does_not_change_the_list() {
        list.bytes()[0] = (byte) 0xff;

        assertThat(list.isSet(0)).isFalse();
    }

    @Test
    void concurrent_writers_to_the_same_byte_do_not_lose_bits() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var writes = new ArrayList<Future<?>>();
            for (int thread = 0; thread < 8; thread++) {
                int bit = thread;
                writes.add(pool.submit(() -> {
                    // Every thread hammers its own bit of byte 0 and of every other byte it touches.
                    for (int i = bit; i < 8 * 2000; i += 8) {
                        list.set(i);
                    }
                }));
            }
            for (var write : writes) {
                write.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        byte[] bytes = list.bytes();
        for (int i = 0; i < 2000; i++) {
            assertThat(bytes[i]).as("byte %d", i).isEqualTo((byte) 0xff);
        }
    }
}
