package org.credence.bulk;

import static org.credence.integration.Column.optional;
import static org.credence.integration.Column.required;

import java.util.List;
import org.credence.integration.Column;
import org.credence.integration.Column.Type;
import org.credence.integration.ColumnSet;

/**
 * The columns of a bulk issuance file. A header beginning with {@code custom} ("custom_region",
 * "Custom: cohort") is a custom field, kept with its row and echoed in the result file.
 */
final class BulkColumns implements ColumnSet {
    static final BulkColumns INSTANCE = new BulkColumns();
    static final int NAME = 0;
    static final int EMAIL = 1;
    static final int ACHIEVEMENT = 2;
    static final int ISSUED = 3;
    static final int EXPIRES = 4;
    static final int GRADE = 5;
    static final int EVIDENCE = 6;
    /** Headers whose compared form begins with this are custom fields. */
    static final String CUSTOM_PREFIX = "custom";

    private static final List<Column> COLUMNS = List.of(
            required("name", Type.TEXT, "full_name", "recipient_name", "recipient", "learner_name", "learner", "student", "navn"),
            required("email", Type.EMAIL, "e_mail", "mail", "email_address", "recipient_email", "learner_email", "epost", "e_post"),
            required("achievement", Type.ACHIEVEMENT, "achievement_id", "achievement_slug", "badge", "credential", "template", "certificate"),
            optional("issued", Type.TIMESTAMP, "issued_at", "issued_on", "issue_date", "date", "awarded", "awarded_on", "completed",
                    "completed_at", "completion_date"),
            optional("expires", Type.TIMESTAMP, "expires_at", "expires_on", "expiry", "expiry_date", "expiration", "expiration_date", "valid_until"),
            optional("grade", Type.TEXT, "score", "result", "mark", "karakter"),
            optional("evidence", Type.TEXT, "evidence_url", "evidence_link", "portfolio", "portfolio_url", "url"));

    private BulkColumns() {}

    @Override
    public String id() {
        return "a bulk issuance file";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }
}
