package org.credence.standards.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.standards.status.StatusListException.Code.INDEX_OUT_OF_RANGE;
import static org.credence.standards.status.StatusListException.Code.NOT_A_STATUS_LIST_CREDENTIAL;
import static org.credence.standards.status.StatusListException.Code.PURPOSE_MISMATCH;
import static org.credence.standards.status.StatusListException.Code.STATUS_LIST_URL_MISMATCH;
import static org.credence.standards.status.StatusListException.Code.UNSUPPORTED_STATUS_SIZE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class BitstringStatusListCredentialsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LIST = "https://issuer.example/status/revocation/1";
    private static final String ISSUER = "did:key:z6MkmEu7xswXxJ9zp6u38CjbHLXYD2onNXfQYLcxV6DTbx8M";
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

    private final BitstringStatusList list = BitstringStatusList.create(BitstringStatusList.MINIMUM_SIZE);

    @Test
    void the_unsigned_credential_has_the_shape_the_specification_shows() throws Exception {
        list.set(42);

        ObjectNode credential = StatusListCredentials.unsigned(LIST, ISSUER, StatusPurpose.REVOCATION, list, FROM);

        assertThat(credential).isEqualTo(MAPPER.readTree("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"],
                 "id": "https://issuer.example/status/revocation/1",
                 "type": ["VerifiableCredential", "BitstringStatusListCredential"],
                 "issuer": "%s",
                 "validFrom": "2025-01-01T00:00:00Z",
                 "credentialSubject": {
                   "id": "https://issuer.example/status/revocation/1#list",
                   "type": "BitstringStatusList",
                   "statusPurpose": "revocation",
                   "encodedList": "%s"}}""".formatted(ISSUER, list.encode())));
    }

    @Test
    void valid_until_is_written_when_given() {
        ObjectNode credential = StatusListCredentials.unsigned(LIST, ISSUER, StatusPurpose.SUSPENSION, list, FROM,
                Instant.parse("2025-01-02T00:00:00Z"));

        assertThat(credential.get("validUntil").textValue()).isEqualTo("2025-01-02T00:00:00Z");
        assertThat(credential.at("/credentialSubject/statusPurpose").textValue()).isEqualTo("suspension");
    }

    @Test
    void valid_until_before_valid_from_is_refused() {
        assertThatThrownBy(() -> StatusListCredentials.unsigned(LIST, ISSUER, StatusPurpose.REVOCATION, list, FROM,
                FROM.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validUntil 2024-12-31T23:59:59Z is not after validFrom 2025-01-01T00:00:00Z");
    }

    @Test
    void a_relative_or_fragmented_list_url_is_refused() {
        assertThatThrownBy(() -> StatusListCredentials.unsigned("/status/1", ISSUER, StatusPurpose.REVOCATION, list,
                FROM)).hasMessage("listUrl /status/1 is not an absolute URL");
        assertThatThrownBy(() -> StatusListCredentials.unsigned(LIST + "#x", ISSUER, StatusPurpose.REVOCATION, list,
                FROM)).hasMessageContaining("must not have a fragment");
    }

    @Test
    void credence_does_not_publish_refresh_lists() {
        assertThatThrownBy(() -> StatusListCredentials.unsigned(LIST, ISSUER, StatusPurpose.REFRESH, list, FROM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_built_credential_reads_back_to_the_same_list() {
        list.set(7);
        list.set(131_071);

        var published = StatusListCredentials.read(
                StatusListCredentials.unsigned(LIST, ISSUER, StatusPurpose.REVOCATION, list, FROM));

        assertThat(published.credentialId()).isEqualTo(LIST);
        assertThat(published.purposes()).containsExactly(StatusPurpose.REVOCATION);
        assertThat(published.list().bytes()).isEqualTo(list.bytes());
    }

    @Test
    void check_reports_a_set_bit_in_plain_language() {
        list.set(42);
        var entry = StatusListEntry.of(LIST, StatusPurpose.REVOCATION, 42);

        StatusCheck check = StatusListCredentials.check(entry, credential(StatusPurpose.REVOCATION));

        assertThat(check.isSet()).isTrue();
        assertThat(check.purpose()).isEqualTo(StatusPurpose.REVOCATION);
        assertThat(check.reason()).isEqualTo("the credential has been revoked (bit 42 of " + LIST + " is set)");
    }

    @Test
    void check_reports_a_clear_bit_in_plain_language() {
        var entry = StatusListEntry.of(LIST, StatusPurpose.SUSPENSION, 42);

        StatusCheck check = StatusListCredentials.check(entry, credential(StatusPurpose.SUSPENSION));

        assertThat(check.isSet()).isFalse();
        assertThat(check.reason()).isEqualTo("the credential is not suspended (bit 42 of " + LIST + " is clear)");
    }

    @Test
    void an_entry_for_a_different_purpose_is_a_mismatch() {
        var entry = StatusListEntry.of(LIST, StatusPurpose.SUSPENSION, 42);

        assertCheckRefused(entry, credential(StatusPurpose.REVOCATION), PURPOSE_MISMATCH)
                .hasMessage("the entry's statusPurpose is suspension but the status list credential's is revocation");
    }

    @Test
    void a_list_serving_several_purposes_matches_any_of_them() {
        ObjectNode credential = credential(StatusPurpose.REVOCATION);
        ((ObjectNode) credential.get("credentialSubject")).putArray("statusPurpose").add("revocation").add("suspension");

        var published = StatusListCredentials.read(credential);

        assertThat(published.purposes()).isEqualTo(Set.of(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION));
        assertThat(published.check(StatusListEntry.of(LIST, StatusPurpose.SUSPENSION, 1)).isSet()).isFalse();
    }

    @Test
    void an_index_beyond_the_published_list_is_out_of_range() {
        var entry = StatusListEntry.of(LIST, StatusPurpose.REVOCATION, 140_000);

        assertCheckRefused(entry, credential(StatusPurpose.REVOCATION), INDEX_OUT_OF_RANGE)
                .hasMessage("statusListIndex 140000 is outside the list (131072 entries)");
    }

    @Test
    void a_list_credential_with_another_id_is_refused() {
        var entry = StatusListEntry.of("https://issuer.example/status/revocation/2", StatusPurpose.REVOCATION, 1);

        assertCheckRefused(entry, credential(StatusPurpose.REVOCATION), STATUS_LIST_URL_MISMATCH)
                .hasMessageContaining("the status list credential's id is " + LIST);
    }

    @Test
    void a_list_credential_without_an_id_is_accepted() {
        ObjectNode credential = credential(StatusPurpose.REVOCATION);
        credential.remove("id");

        assertThat(StatusListCredentials.check(StatusListEntry.of(LIST, StatusPurpose.REVOCATION, 1), credential)
                .isSet()).isFalse();
    }

    @Test
    void an_ordinary_credential_is_not_a_status_list_credential() throws Exception {
        JsonNode badge = MAPPER.readTree("""
                {"type": ["VerifiableCredential", "OpenBadgeCredential"], "credentialSubject": {}}""");

        assertReadRefused(badge, NOT_A_STATUS_LIST_CREDENTIAL).hasMessage(
                "not a Bitstring status list credential: its type is [\"VerifiableCredential\",\"OpenBadgeCredential\"]"
                        + " and lacks BitstringStatusListCredential");
    }

    @Test
    void a_subject_of_the_wrong_type_is_refused() {
        ObjectNode credential = credential(StatusPurpose.REVOCATION);
        ((ObjectNode) credential.get("credentialSubject")).put("type", "StatusList2021");

        assertReadRefused(credential, NOT_A_STATUS_LIST_CREDENTIAL)
                .hasMessageContaining("credentialSubject type is \"StatusList2021\"");
    }

    @Test
    void a_missing_subject_or_encoded_list_is_refused() {
        ObjectNode noSubject = credential(StatusPurpose.REVOCATION);
        noSubject.remove("credentialSubject");
        ObjectNode noList = credential(StatusPurpose.REVOCATION);
        ((ObjectNode) noList.get("credentialSubject")).remove("encodedList");

        assertReadRefused(noSubject, NOT_A_STATUS_LIST_CREDENTIAL).hasMessageContaining("no single credentialSubject");
        assertReadRefused(noList, NOT_A_STATUS_LIST_CREDENTIAL)
                .hasMessageContaining("credentialSubject.encodedList is missing");
    }

    @Test
    void a_one_element_subject_array_is_accepted() {
        ObjectNode credential = credential(StatusPurpose.REVOCATION);
        credential.putArray("credentialSubject").add(credential(StatusPurpose.REVOCATION).get("credentialSubject"));

        assertThat(StatusListCredentials.read(credential).list().size()).isEqualTo(131_072);
    }

    @Test
    void a_list_with_status_size_2_is_refused() {
        ObjectNode credential = credential(StatusPurpose.REVOCATION);
        ((ObjectNode) credential.get("credentialSubject")).put("statusSize", 2);

        assertReadRefused(credential, UNSUPPORTED_STATUS_SIZE);
    }

    @Test
    void a_malformed_encoded_list_surfaces_its_own_code() {
        ObjectNode credential = credential(StatusPurpose.REVOCATION);
        ((ObjectNode) credential.get("credentialSubject")).put("encodedList", "H4sIAAAA");

        assertReadRefused(credential, StatusListException.Code.MALFORMED_ENCODED_LIST);
    }

    private ObjectNode credential(StatusPurpose purpose) {
        return StatusListCredentials.unsigned(LIST, ISSUER, purpose, list, FROM);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertCheckRefused(
            StatusListEntry entry, JsonNode credential, StatusListException.Code code) {
        return assertThatThrownBy(() -> StatusListCredentials.check(entry, credential))
                .isInstanceOfSatisfying(StatusListException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertReadRefused(
            JsonNode credential, StatusListException.Code code) {
        return assertThatThrownBy(() -> StatusListCredentials.read(credential))
                .isInstanceOfSatisfying(StatusListException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
