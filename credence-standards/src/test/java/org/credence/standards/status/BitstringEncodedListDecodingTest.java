package org.credence.standards.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.standards.status.StatusListException.Code.MALFORMED_ENCODED_LIST;
import static org.credence.standards.status.StatusListException.Code.STATUS_LIST_TOO_LARGE;
import static org.credence.standards.status.StatusListException.Code.STATUS_LIST_TOO_SHORT;

import com.apicatalog.multibase.Multibase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class BitstringEncodedListDecodingTest {

    @Test
    void a_list_without_the_multibase_prefix_is_refused() {
        String statusList2021Style = BitstringStatusList.create(131_072).encode().substring(1);

        assertRefused(statusList2021Style, MALFORMED_ENCODED_LIST)
                .hasMessage("encodedList must start with the multibase base64url prefix 'u' but starts with 'H'");
    }

    @Test
    void an_empty_or_missing_list_is_refused() {
        assertRefused("", MALFORMED_ENCODED_LIST).hasMessage("encodedList is empty");
        assertRefused(null, MALFORMED_ENCODED_LIST).hasMessage("encodedList is empty");
    }

    @Test
    void characters_outside_base64url_are_refused() {
        assertRefused("uH4sI+/AAA==", MALFORMED_ENCODED_LIST).hasMessageStartingWith("encodedList is not valid base64url");
        assertRefused("u!!!!", MALFORMED_ENCODED_LIST).hasMessageStartingWith("encodedList is not valid base64url");
    }

    @Test
    void base64url_that_is_not_gzip_is_refused() {
        String plain = Multibase.BASE_64_URL.encode(new byte[16 * 1024]);

        assertRefused(plain, MALFORMED_ENCODED_LIST).hasMessageContaining("is not GZIP data");
    }

    @Test
    void truncated_gzip_is_refused() {
        byte[] gzip = Multibase.BASE_64_URL.decode(BitstringStatusList.create(131_072).encode());
        String truncated = Multibase.BASE_64_URL.encode(Arrays.copyOf(gzip, gzip.length - 10));

        assertRefused(truncated, MALFORMED_ENCODED_LIST).hasMessageContaining("corrupt or truncated");
    }

    @Test
    void a_list_shorter_than_16_kilobytes_is_refused_with_its_entry_count() {
        assertRefused(gzipAndEncode(new byte[1024]), STATUS_LIST_TOO_SHORT)
                .hasMessage("status list has 8192 entries; the minimum is 131072");
    }

    @Test
    void an_empty_bitstring_is_too_short() {
        assertRefused(gzipAndEncode(new byte[0]), STATUS_LIST_TOO_SHORT)
                .hasMessage("status list has 0 entries; the minimum is 131072");
    }

    @Test
    void a_gzip_bomb_is_refused_before_it_is_fully_inflated() {
        // 17 MB of zeros gzips to about 17 KB: small on the wire, too large to inflate.
        String bomb = gzipAndEncode(new byte[17 * 1024 * 1024]);
        assertThat(bomb.length()).isLessThan(40_000);

        assertRefused(bomb, STATUS_LIST_TOO_LARGE).hasMessageContaining("decompression bomb");
    }

    @Test
    void a_list_of_exactly_the_decompression_limit_is_accepted() {
        var decoded = BitstringStatusList.decode(gzipAndEncode(new byte[16 * 1024 * 1024]));

        assertThat(decoded.size()).isEqualTo(BitstringStatusList.MAXIMUM_SIZE);
    }

    @Test
    void padding_from_lenient_encoders_is_tolerated() {
        var list = BitstringStatusList.create(131_072);
        list.set(3);
        String encoded = list.encode();
        String padded = encoded + "=".repeat((4 - (encoded.length() - 1) % 4) % 4);

        assertThat(BitstringStatusList.decode(padded).isSet(3)).isTrue();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            String encodedList, StatusListException.Code code) {
        return assertThatThrownBy(() -> BitstringStatusList.decode(encodedList))
                .isInstanceOfSatisfying(StatusListException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static String gzipAndEncode(byte[] bitstring) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bitstring);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return Multibase.BASE_64_URL.encode(out.toByteArray());
    }
}
