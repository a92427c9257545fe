package org.credence.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline country lookup over ip-location-db CSV files (a few lines in their format). */
class CountriesTest {
    @TempDir
    Path dir;

    @Test
    void a_truncated_address_finds_the_country_of_its_range_and_an_address_outside_every_range_has_none() throws Exception {
        Path v4 = Files.writeString(dir.resolve("v4.csv"), "1.0.0.0,1.0.0.255,AU\n1.0.1.0,1.0.3.255,CN\n51.174.0.0,51.175.255.255,NO\n");
        Path v6 = Files.writeString(dir.resolve("v6.csv"), "2001:200::,2001:218:2000:51:ffff:ffff:ffff:ffff,JP\n2a01:798::,2a01:79f:ffff:ffff:ffff:ffff:ffff:ffff,NO\n");
        Countries countries = Countries.load(List.of(v4, v6));
        assertThat(countries.of(TruncatedAddress.of("1.0.2.77").orElseThrow())).contains("CN");
        assertThat(countries.of(TruncatedAddress.of("51.175.3.4").orElseThrow())).contains("NO");
        assertThat(countries.of(TruncatedAddress.of("2a01:799:1234::1").orElseThrow())).contains("NO");
        assertThat(countries.of(TruncatedAddress.of("2001:210::1").orElseThrow())).contains("JP");
        assertThat(countries.of(TruncatedAddress.of("9.9.9.9").orElseThrow())).isEmpty();
        assertThat(countries.of(TruncatedAddress.of("2c0f::1").orElseThrow())).isEmpty();
        assertThat(Countries.none().of(TruncatedAddress.of("1.0.2.77").orElseThrow())).isEmpty();
    }

    @Test
    void a_broken_line_is_refused_with_its_file_and_number() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "1.0.0.0,1.0.0.255,AU\n1.0.1.0;1.0.3.255;CN\n");
        assertThatThrownBy(() -> Countries.load(List.of(bad))).hasMessageContaining("bad.csv line 2");
    }
}
