package org.credence.integration;

import static org.credence.integration.Column.optional;
import static org.credence.integration.Column.required;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.credence.integration.Column.Type;

/** What an outcome import holds: each kind is one table of V25, with the columns a file or JSON array may give. */
public enum OutcomeKind implements ColumnSet {
    LMS_ENROLMENT("lms_enrolment", true, List.of(
            required("id", Type.ID, "source_id", "enrolment_id", "enrollment_id", "record_id"),
            optional("email", Type.EMAIL, "learner_email", "e_mail", "mail", "email_address"),
            optional("external_id", Type.EXTERNAL_ID, "learner_id", "learner", "user_id", "person_id"),
            required("course_id", Type.TEXT, "course", "course_code"),
            required("enrolled_at", Type.TIMESTAMP, "enrolled", "enrolled_on", "enrolment_date", "enrollment_date", "start_date"),
            optional("completed_at", Type.TIMESTAMP, "completed", "completed_on", "completion_date"),
            optional("progress", Type.PROGRESS, "progress_percent", "percent_complete"))),
    CRM_CONTACT("crm_contact", true, List.of(
            required("id", Type.ID, "source_id", "contact_id", "record_id"),
            optional("email", Type.EMAIL, "e_mail", "mail", "email_address"),
            optional("external_id", Type.EXTERNAL_ID, "person_id", "user_id"),
            optional("account_source_id", Type.TEXT, "account_id", "account"),
            optional("lead_source", Type.TEXT, "source_of_lead"),
            optional("utm_source", Type.TEXT),
            optional("utm_campaign", Type.TEXT),
            required("created_at", Type.TIMESTAMP, "created", "created_on", "created_date"))),
    CRM_ACCOUNT("crm_account", false, List.of(
            required("id", Type.ID, "source_id", "account_id", "record_id"),
            optional("name", Type.TEXT, "account_name", "organisation", "organization", "company"),
            optional("created_at", Type.TIMESTAMP, "created", "created_on", "created_date"))),
    CRM_OPPORTUNITY("crm_opportunity", false, List.of(
            required("id", Type.ID, "source_id", "opportunity_id", "deal_id", "record_id"),
            optional("contact_source_id", Type.TEXT, "contact_id", "contact"),
            optional("account_source_id", Type.TEXT, "account_id", "account"),
            optional("stage", Type.TEXT, "stage_name", "deal_stage"),
            required("amount", Type.AMOUNT, "value", "deal_value"),
            required("currency", Type.CURRENCY, "currency_code", "currency_iso_code"),
            required("created_at", Type.TIMESTAMP, "created", "created_on", "created_date"),
            optional("closed_at", Type.TIMESTAMP, "closed", "closed_on", "close_date"),
            required("outcome", Type.OUTCOME, "status", "result", "won_lost"))),
    HRIS_EMPLOYEE("hris_employee", true, List.of(
            required("id", Type.ID, "source_id", "employee_id", "record_id"),
            optional("email", Type.EMAIL, "work_email", "e_mail", "mail", "email_address"),
            optional("external_id", Type.EXTERNAL_ID, "person_id", "user_id"),
            required("role", Type.TEXT, "job_title", "title", "position"),
            required("hired_on", Type.DATE, "hired", "hire_date", "start_date"),
            optional("productive_on", Type.DATE, "productive", "productivity_milestone", "productivity_milestone_date", "milestone_date"),
            optional("terminated_on", Type.DATE, "terminated", "termination_date", "end_date", "left_on"))),
    REVENUE_LINE("revenue_line", true, List.of(
            required("id", Type.ID, "source_id", "line_id", "invoice_line_id", "record_id"),
            optional("email", Type.EMAIL, "customer_email", "e_mail", "mail", "email_address"),
            optional("external_id", Type.EXTERNAL_ID, "customer_id", "person_id", "user_id"),
            required("kind", Type.REVENUE_KIND, "type", "revenue_kind", "line_kind"),
            optional("achievement_id", Type.ACHIEVEMENT, "achievement", "achievement_slug", "credential"),
            optional("quantity", Type.QUANTITY, "qty", "count"),
            required("amount", Type.SIGNED_AMOUNT, "total", "line_total", "value"),
            required("currency", Type.CURRENCY, "currency_code"),
            required("booked_on", Type.DATE, "booked", "booked_at", "booking_date", "date", "invoice_date")));

    private final String id;
    private final boolean namesPerson;
    private final List<Column> columns;

    OutcomeKind(String id, boolean namesPerson, List<Column> columns) {
        this.id = id;
        this.namesPerson = namesPerson;
        this.columns = columns;
    }

    /** The kind's name in the API, files and the database ({@code lms_enrolment} …), also its table's name. */
    @Override
    public String id() {
        return id;
    }

    /** Whether rows name a person themselves (by e-mail or external id); opportunities name one through their contact. */
    @Override
    public boolean namesPerson() {
        return namesPerson;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    /** The columns stored as they are, in order (the row id and the person are stored otherwise). */
    List<Column> storedColumns() {
        return columns.stream().filter(Column::stored).toList();
    }

    public static Optional<OutcomeKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (OutcomeKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Every kind's name, for messages. */
    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(OutcomeKind::id).toList();
    }
}
