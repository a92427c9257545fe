package org.credence.standards.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Status lists and credentials signed by an independent implementation. Each {@code <name>.json} credential pairs
 * with {@code <name>.status-list.json}; the revoked and suspended ones have bit 42 set, the others none.
 */
class BitstringInteropFixturesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void the_revoked_credentials_bit_is_set_in_its_revocation_list() {
        StatusCheck check = checkFixture("revoked");

        assertThat(check.isSet()).isTrue();
        assertThat(check.purpose()).isEqualTo(StatusPurpose.REVOCATION);
        assertThat(check.entry().index()).isEqualTo(42);
        assertThat(check.reason()).startsWith("the credential has been revoked");
    }

    @Test
    void the_valid_credentials_bit_is_clear() {
        StatusCheck check = checkFixture("valid");

        assertThat(check.isSet()).isFalse();
        assertThat(check.purpose()).isEqualTo(StatusPurpose.REVOCATION);
    }

    @Test
    void the_suspended_credentials_suspension_bit_is_set() {
        StatusCheck check = checkFixture("suspended");

        assertThat(check.isSet()).isTrue();
        assertThat(check.purpose()).isEqualTo(StatusPurpose.SUSPENSION);
        assertThat(check.reason()).startsWith("the credential is suspended");
    }

    @Test
    void the_expired_credential_is_not_revoked() {
        assertThat(checkFixture("expired").isSet()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid", "revoked", "suspended", "expired"})
    void every_fixture_list_has_the_minimum_size_and_at_most_bit_42_set(String name) {
        var list = StatusListCredentials.read(fixture(name + ".status-list.json")).list();

        assertThat(list.size()).isEqualTo(BitstringStatusList.MINIMUM_SIZE);
        assertThat(IntStream.range(0, list.size()).filter(list::isSet).boxed()).isSubsetOf(42);
    }

    @Test
    void the_revoked_fixture_sets_exactly_the_third_bit_from_the_right_of_byte_5() {
        // Index 42 = byte 5, bit 2 from the left: 0b0010_0000. Guards against reading bits right-to-left.
        var list = StatusListCredentials.read(fixture("revoked.status-list.json")).list();

        assertThat(list.bytes()[5]).isEqualTo((byte) 0x20);
    }

    @Test
    void our_encoding_of_the_same_bits_matches_the_fixture_after_decoding() {
        String theirs = fixture("revoked.status-list.json").at("/credentialSubject/encodedList").textValue();
        var ours = BitstringStatusList.create(BitstringStatusList.MINIMUM_SIZE);
        ours.set(42);

        assertThat(BitstringStatusList.decode(theirs).bytes()).isEqualTo(ours.bytes());
        assertThat(BitstringStatusList.decode(ours.encode()).bytes()).isEqualTo(ours.bytes());
    }

    @Test
    void a_revocation_entry_checked_against_the_suspension_list_is_refused_as_the_wrong_list() {
        var entry = StatusListEntry.fromJson(fixture("revoked.json").get("credentialStatus"));
        JsonNode suspensionList = fixture("suspended.status-list.json");

        assertThatThrownBy(() -> StatusListCredentials.check(entry, suspensionList))
                .isInstanceOfSatisfying(StatusListException.class, e -> assertThat(e.code())
                        .isEqualTo(StatusListException.Code.STATUS_LIST_URL_MISMATCH));
    }

    @Test
    void a_badge_credential_is_not_a_status_list_credential() {
        var entry = StatusListEntry.fromJson(fixture("valid.json").get("credentialStatus"));

        assertThatThrownBy(() -> StatusListCredentials.check(entry, fixture("valid.json")))
                .isInstanceOfSatisfying(StatusListException.class, e -> assertThat(e.code())
                        .isEqualTo(StatusListException.Code.NOT_A_STATUS_LIST_CREDENTIAL));
    }

    private static StatusCheck checkFixture(String name) {
        var entry = StatusListEntry.fromJson(fixture(name + ".json").get("credentialStatus"));
        return StatusListCredentials.check(entry, fixture(name + ".status-list.json"));
    }

    private static JsonNode fixture(String file) {
        try (var in = BitstringInteropFixturesTest.class.getResourceAsStream("/interop-fixtures/" + file)) {
            assertThat(in).as("fixture %s", file).isNotNull();
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
