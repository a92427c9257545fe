package org.credence.standards.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.standards.status.StatusListException.Code.MALFORMED_STATUS_ENTRY;
import static org.credence.standards.status.StatusListException.Code.UNKNOWN_STATUS_PURPOSE;
import static org.credence.standards.status.StatusListException.Code.UNSUPPORTED_STATUS_SIZE;
import static org.credence.standards.status.StatusListException.Code.UNSUPPORTED_STATUS_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class BitstringStatusListEntryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LIST = "https://issuer.example/status/revocation/1";

    @Test
    void an_issued_entry_has_the_shape_the_specification_shows() throws Exception {
        var entry = StatusListEntry.of(LIST, StatusPurpose.REVOCATION, 94567);

        assertThat(entry.toJson()).isEqualTo(MAPPER.readTree("""
                {"id": "https://issuer.example/status/revocation/1#94567",
                 "type": "BitstringStatusListEntry",
                 "statusPurpose": "revocation",
                 "statusListIndex": "94567",
                 "statusListCredential": "https://issuer.example/status/revocation/1"}"""));
        assertThat(entry.toJson().get("statusListIndex").isTextual()).isTrue();
    }

    @Test
    void credence_does_not_issue_refresh_or_message_entries() {
        assertThatThrownBy(() -> StatusListEntry.of(LIST, StatusPurpose.REFRESH, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not refresh");
    }

    @Test
    void a_numeric_index_is_accepted() {
        var entry = StatusListEntry.fromJson(json("""
                {"type": "BitstringStatusListEntry", "statusPurpose": "suspension",
                 "statusListIndex": 42, "statusListCredential": "%s"}""".formatted(LIST)));

        assertThat(entry.index()).isEqualTo(42);
        assertThat(entry.purpose()).isEqualTo(StatusPurpose.SUSPENSION);
        assertThat(entry.id()).isNull();
    }

    @Test
    void refresh_and_message_entries_from_other_issuers_can_be_read() {
        var entry = StatusListEntry.fromJson(withField("statusPurpose", "message"));

        assertThat(entry.purpose()).isEqualTo(StatusPurpose.MESSAGE);
    }

    @Test
    void the_type_may_be_an_array() {
        ObjectNode status = valid();
        status.putArray("type").add("BitstringStatusListEntry");

        assertThat(StatusListEntry.fromJson(status).index()).isEqualTo(7);
    }

    @Test
    void a_status_list_2021_entry_is_an_unsupported_type() {
        assertRefused(withField("type", "StatusList2021Entry"), UNSUPPORTED_STATUS_TYPE)
                .hasMessage("credentialStatus type is \"StatusList2021Entry\"; only BitstringStatusListEntry is supported");
    }

    @Test
    void a_non_object_is_refused() {
        assertRefused(json("[]"), MALFORMED_STATUS_ENTRY).hasMessage("credentialStatus must be a JSON object, got array");
        assertRefused(null, MALFORMED_STATUS_ENTRY);
    }

    @Test
    void each_missing_required_field_is_named() {
        for (String field : new String[] {"statusPurpose", "statusListIndex", "statusListCredential"}) {
            ObjectNode status = valid();
            status.remove(field);

            assertRefused(status, MALFORMED_STATUS_ENTRY).hasMessage("credentialStatus." + field + " is missing");
        }
    }

    @Test
    void a_negative_index_is_refused() {
        assertRefused(withField("statusListIndex", "-3"), MALFORMED_STATUS_ENTRY)
                .hasMessage("credentialStatus.statusListIndex \"-3\" is not a non-negative integer");
    }

    @Test
    void a_fractional_or_non_numeric_index_is_refused() {
        ObjectNode fractional = valid();
        fractional.put("statusListIndex", 4.5);

        assertRefused(fractional, MALFORMED_STATUS_ENTRY).hasMessageContaining("not a non-negative integer");
        assertRefused(withField("statusListIndex", "forty-two"), MALFORMED_STATUS_ENTRY);
        assertRefused(withField("statusListIndex", ""), MALFORMED_STATUS_ENTRY);
        assertRefused(withField("statusListIndex", " 42"), MALFORMED_STATUS_ENTRY);
    }

    @Test
    void an_index_beyond_int_range_is_refused_not_wrapped() {
        assertRefused(withField("statusListIndex", "2147483648"), MALFORMED_STATUS_ENTRY)
                .hasMessageContaining("larger than any supported list");
        assertRefused(withField("statusListIndex", "99999999999999999999999"), MALFORMED_STATUS_ENTRY);
    }

    @Test
    void leading_zeros_do_not_change_the_index() {
        assertThat(StatusListEntry.fromJson(withField("statusListIndex", "000000000000042")).index()).isEqualTo(42);
    }

    @Test
    void an_unknown_purpose_is_refused_with_the_known_ones_listed() {
        assertRefused(withField("statusPurpose", "Revocation"), UNKNOWN_STATUS_PURPOSE)
                .hasMessage("statusPurpose \"Revocation\" is not one of revocation, suspension, refresh, message");
    }

    @Test
    void a_status_size_other_than_1_is_refused() {
        ObjectNode status = valid();
        status.put("statusSize", 2);

        assertRefused(status, UNSUPPORTED_STATUS_SIZE)
                .hasMessage("credentialStatus.statusSize is 2; only statusSize 1 is supported");
    }

    @Test
    void an_explicit_status_size_of_1_is_accepted() {
        ObjectNode status = valid();
        status.put("statusSize", 1);

        assertThat(StatusListEntry.fromJson(status).index()).isEqualTo(7);
    }

    @Test
    void an_entry_id_equal_to_the_list_url_is_refused() {
        assertRefused(withField("id", LIST), MALFORMED_STATUS_ENTRY)
                .hasMessageContaining("must not be the status list URL");
    }

    @Test
    void a_non_string_list_url_is_refused() {
        ObjectNode status = valid();
        status.put("statusListCredential", 5);

        assertRefused(status, MALFORMED_STATUS_ENTRY)
                .hasMessage("credentialStatus.statusListCredential must be a non-empty string, got number 5");
    }

    private static ObjectNode valid() {
        return StatusListEntry.of(LIST, StatusPurpose.REVOCATION, 7).toJson();
    }

    private static ObjectNode withField(String field, String value) {
        ObjectNode status = valid();
        status.put(field, value);
        return status;
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            JsonNode status, StatusListException.Code code) {
        return assertThatThrownBy(() -> StatusListEntry.fromJson(status))
                .isInstanceOfSatisfying(StatusListException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
