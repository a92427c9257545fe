package org.credence.standards.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BitstringStatusListPropertiesTest {

    @Property(tries = 200)
    void any_set_of_indices_survives_encode_and_decode(
            @ForAll @Size(max = 300) Set<@IntRange(min = 0, max = 131_071) Integer> indices) {
        var list = BitstringStatusList.create(BitstringStatusList.MINIMUM_SIZE);
        indices.forEach(list::set);

        var decoded = BitstringStatusList.decode(list.encode());

        assertThat(decoded.size()).isEqualTo(list.size());
        assertThat(IntStream.range(0, decoded.size()).filter(decoded::isSet).boxed())
                .containsExactlyInAnyOrderElementsOf(indices);
    }

    @Property(tries = 100)
    void clearing_undoes_setting(
            @ForAll @Size(max = 100) Set<@IntRange(min = 0, max = 131_071) Integer> indices) {
        var list = BitstringStatusList.create(BitstringStatusList.MINIMUM_SIZE);
        String empty = list.encode();

        indices.forEach(list::set);
        indices.forEach(list::clear);

        assertThat(list.encode()).isEqualTo(empty);
    }

    @Property(tries = 200)
    void each_index_maps_to_one_bit_counted_from_the_left(@ForAll @IntRange(min = 0, max = 131_071) int index) {
        var list = BitstringStatusList.create(BitstringStatusList.MINIMUM_SIZE);
        list.set(index);

        byte[] bytes = list.bytes();

        assertThat(bytes[index / 8] & 0xff).isEqualTo(0x80 >> (index % 8));
        assertThat(IntStream.range(0, bytes.length).filter(i -> bytes[i] != 0)).containsExactly(index / 8);
    }

    @Property(tries = 100)
    void an_entry_survives_writing_and_reading(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int index,
            @ForAll boolean suspension) {
        var purpose = suspension ? StatusPurpose.SUSPENSION : StatusPurpose.REVOCATION;
        var entry = StatusListEntry.of("https://issuer.example/status/1", purpose, index);

        assertThat(StatusListEntry.fromJson(entry.toJson())).isEqualTo(entry);
    }
}
