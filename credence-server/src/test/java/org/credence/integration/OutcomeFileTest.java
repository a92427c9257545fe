package org.credence.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.credence.domain.DomainException;
import org.credence.issuance.Issuance;
import org.junit.jupiter.api.Test;

/** Reading outcome files: headers, character sets, separators, values and per-row errors with their lines. */
class OutcomeFileTest {
    static final Map<String, Long> ACHIEVEMENTS = Map.of("7", 7L, "certified-data-steward", 7L);

    static OutcomeFile.Read csv(OutcomeKind kind, String text) {
        return OutcomeFile.read(kind, text.getBytes(StandardCharsets.UTF_8), "text/csv", ACHIEVEMENTS);
    }

    @Test
    void headers_are_read_whatever_their_case_spacing_or_alias() {
        var read = csv(OutcomeKind.LMS_ENROLMENT, """
                Enrolment ID,E-Mail,COURSE,Enrolled At,completionDate,Progress
                e1,Ada@Example.org,DS-101,2026-01-05,2026-02-01T10:00:00Z,100%
                """);
        assertThat(read.errors()).isEmpty();
        assertThat(read.warnings()).isEmpty();
        var row = read.rows().get(0);
        assertThat(row.sourceId()).isEqualTo("e1");
        assertThat(row.emailHash()).isEqualTo(Issuance.emailHash("ada@example.org"));
        assertThat(row.values()).containsExactly("DS-101", "2026-01-05T00:00:00Z", "2026-02-01T10:00:00Z", "100.00");
    }

    @Test
    void an_unknown_column_is_ignored_with_the_closest_known_name_suggested() {
        var read = csv(OutcomeKind.LMS_ENROLMENT, """
                id,email,course_id,enrolled_at,completd_at,favourite colour
                e1,a@example.org,DS-101,2026-01-05,2026-02-01,blue
                """);
        assertThat(read.warnings()).containsExactly(
                "column 'completd_at' is not a column of lms_enrolment and was ignored; did you mean 'completed_at'?",
                "column 'favourite colour' is not a column of lms_enrolment and was ignored");
        assertThat(read.rows()).hasSize(1);
    }

    @Test
    void a_missing_required_column_refuses_the_file_and_names_the_likely_misspelling() {
        assertThatThrownBy(() -> csv(OutcomeKind.LMS_ENROLMENT, "id,email,course_id,enroled_at\ne1,a@example.org,DS-101,2026-01-05\n"))
                .isInstanceOf(DomainException.InvalidInput.class)
                .hasMessageContaining("needs a column 'enrolled_at' ('enroled_at' looks like a misspelling of it)");
        assertThatThrownBy(() -> csv(OutcomeKind.LMS_ENROLMENT, "")).hasMessageContaining("the file is empty");
    }

    @Test
    void a_byte_order_mark_and_semicolons_are_handled() {
        byte[] body = ("\uFEFFid;amount;currency;created;outcome;contact\n"
                + "o1;1234,50;nok;2026-03-01;Closed Won;c1\n").getBytes(StandardCharsets.UTF_8);
        var read = OutcomeFile.read(OutcomeKind.CRM_OPPORTUNITY, body, "text/csv", ACHIEVEMENTS);
        assertThat(read.errors()).isEmpty();
        assertThat(read.rows().get(0).values()).containsExactly("c1", null, null, "1234.50", "NOK", "2026-03-01T00:00:00Z", null, "won");
    }

    @Test
    void a_latin_1_file_is_read_as_such_and_said_to_be() {
        byte[] body = "id,name\na1,Bjørnøya Ærlig AS\n".getBytes(Charset.forName("ISO-8859-1"));
        var read = OutcomeFile.read(OutcomeKind.CRM_ACCOUNT, body, "text/csv", ACHIEVEMENTS);
        assertThat(read.rows().get(0).values()[0]).isEqualTo("Bjørnøya Ærlig AS");
        assertThat(read.warnings()).singleElement().asString().contains("not UTF-8", "Windows-1252");
    }

    @Test
    void bad_rows_are_refused_with_their_line_and_good_rows_kept() {
        var read = csv(OutcomeKind.CRM_OPPORTUNITY, """
                id,amount,currency,created_at,outcome,stage
                o1,100.00,EUR,2026-03-01,won,Closed
                o2,1.000,00,EUR,2026-03-01,won,Closed
                o6,1000.00,eur,2026-03-01T12:00:00,lost,Closed
                o3,-5,EUR,2026-03-01,won,"a stage
                over two lines"
                o4,10,EURO,31.03.2026,maybe,x
                o1,10,EUR,2026-03-01,open,x
                o5,,EUR,2026-03-02,open,x
                """);
        assertThat(read.total()).isEqualTo(7);
        assertThat(read.rows()).extracting(OutcomeFile.Row::sourceId).containsExactly("o1", "o6");
        assertThat(read.failedRows()).isEqualTo(5);
        assertThat(read.errors()).extracting(OutcomeFile.RowError::position, OutcomeFile.RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, null),
                org.assertj.core.groups.Tuple.tuple(5, "amount"),
                org.assertj.core.groups.Tuple.tuple(7, "currency"), org.assertj.core.groups.Tuple.tuple(7, "created_at"),
                org.assertj.core.groups.Tuple.tuple(7, "outcome"),
                org.assertj.core.groups.Tuple.tuple(8, "id"),
                org.assertj.core.groups.Tuple.tuple(9, "amount"));
        // "1.000,00" in a comma file: one field too many, so the row is refused rather than read shifted
        assertThat(read.errors().get(0).message()).isEqualTo("this line has 7 fields but the header has 6: put a value that contains ',' in double quotes");
        assertThat(read.errors().get(1).message()).isEqualTo("amount must not be negative");
        assertThat(read.errors().get(5).message()).contains("id 'o1' was already given on line 2");
        assertThat(read.errors().get(6).message()).isEqualTo("amount is required");
        assertThat(read.rows().get(1).values()).containsExactly(null, null, "Closed", "1000.00", "EUR", "2026-03-01T12:00:00Z", null, "lost");
    }

    @Test
    void json_rows_are_refused_with_their_array_index() {
        String body = """
                [{"id": "h1", "externalId": "E-1", "role": "Analyst", "hireDate": "2025-01-06", "productivityMilestone": "2025-04-01T09:00:00+02:00"},
                 {"id": "h2", "role": "Analyst", "hired_on": "next monday"},
                 "not an object",
                 {"id": "h3", "role": {"name": "x"}, "hired_on": "2025-01-06", "shoe size": 44}]""";
        var read = OutcomeFile.read(OutcomeKind.HRIS_EMPLOYEE, body.getBytes(StandardCharsets.UTF_8), "application/json", ACHIEVEMENTS);
        assertThat(read.format()).isEqualTo(OutcomeFile.Format.JSON);
        assertThat(read.total()).isEqualTo(4);
        assertThat(read.rows()).singleElement().satisfies(row -> {
            assertThat(row.externalId()).isEqualTo("E-1");
            assertThat(row.values()).containsExactly("Analyst", "2025-01-06", "2025-04-01", null);
        });
        assertThat(read.errors()).extracting(OutcomeFile.RowError::position).containsExactly(1, 2, 3);
        assertThat(read.warnings()).singleElement().asString().contains("'shoe size' is not a column");
    }

    @Test
    void revenue_lines_name_their_achievement_by_id_or_slug() {
        var read = csv(OutcomeKind.REVENUE_LINE, """
                id,kind,achievement,amount,currency,booked_on,quantity
                r1,Exam fee,certified-data-steward,300,EUR,2026-01-31,
                r2,renewal,7,-50.5,EUR,2026-02-01,2
                r3,bundle,unknown-thing,10,EUR,2026-02-01,0
                """);
        assertThat(read.rows()).extracting(r -> String.join("|", java.util.Arrays.stream(r.values()).map(String::valueOf).toList()))
                .containsExactly("exam_fee|7|null|300.00|EUR|2026-01-31", "renewal|7|2|-50.50|EUR|2026-02-01");
        assertThat(read.errors()).extracting(OutcomeFile.RowError::field).containsExactly("achievement_id", "quantity");
    }
}
