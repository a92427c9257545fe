package org.credence.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.PGConnection;

/** SQL for bulk issuance jobs and their rows; every statement names its tenant. */
final class IssuanceJobStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB_COLUMNS = """
            id, tenant_id, state, format, filename, created_by, notify, links_only, total, issued, already_issued, failed, cancelled,
            CAST(warnings AS TEXT) AS warnings, created_at, started_at, finished_at""";

    /** A row still to issue. */
    record Pending(int line, String name, String email, long achievementId, Instant issuedAt, Instant expiresAt, String grade, String evidenceUrl) {}

    /** What became of a row. */
    record Outcome(int line, String state, UUID credentialId, String number, String field, String error) {}

    private IssuanceJobStore() {}

    static long insert(Handle h, long tenantId, BulkFile.Format format, String filename, String actor, boolean notify, Instant now) {
        return h.createUpdate("""
                        INSERT INTO issuance_job (tenant_id, state, format, filename, created_by, notify, links_only, total, created_at)
                        VALUES (:tenant, 'queued', :format, :filename, :actor, :notify, FALSE, 0, :now)
                        """)
                .bind("tenant", tenantId).bind("format", format.id()).bind("filename", filename).bind("actor", actor).bind("notify", notify)
                .bind("now", Timestamp.from(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Sets the counts known once the file is read. */
    static void accepted(Handle h, long tenantId, long id, int total, int failed, boolean linksOnly, List<String> warnings) {
        h.createUpdate("""
                        UPDATE issuance_job SET total = :total, failed = :failed, links_only = :linksOnly, warnings = CAST(:warnings AS JSONB)
                         WHERE tenant_id = :tenant AND id = :id
                        """)
                .bind("total", total).bind("failed", failed).bind("linksOnly", linksOnly).bind("warnings", json(warnings))
                .bind("tenant", tenantId).bind("id", id).execute();
    }

    static Optional<IssuanceJob> find(Handle h, long tenantId, long id, boolean lock) {
        return h.createQuery("SELECT " + JOB_COLUMNS + " FROM issuance_job WHERE tenant_id = :tenant AND id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> job(rs)).findOne();
    }

    static List<IssuanceJob> list(Handle h, long tenantId, Long before, int limit) {
        return h.createQuery("SELECT " + JOB_COLUMNS + " FROM issuance_job WHERE tenant_id = :tenant AND id < :before ORDER BY id DESC LIMIT :limit")
                .bind("tenant", tenantId).bind("before", before == null ? Long.MAX_VALUE : before).bind("limit", limit)
                .map((rs, ctx) -> job(rs)).list();
    }

    static void started(Handle h, long tenantId, long id, Instant now) {
        h.createUpdate("""
                        UPDATE issuance_job SET state = 'running', started_at = COALESCE(started_at, :now)
                         WHERE tenant_id = :tenant AND id = :id AND state = 'queued'
                        """).bind("now", Timestamp.from(now)).bind("tenant", tenantId).bind("id", id).execute();
    }

    static void over(Handle h, long tenantId, long id, String state, int cancelledRows, Instant now) {
        h.createUpdate("""
                        UPDATE issuance_job SET state = :state, cancelled = cancelled + :cancelled, finished_at = :now
                         WHERE tenant_id = :tenant AND id = :id
                        """).bind("state", state).bind("cancelled", cancelledRows).bind("now", Timestamp.from(now))
                .bind("tenant", tenantId).bind("id", id).execute();
    }

    /** Marks every pending row cancelled; how many. */
    static int cancelPending(Handle h, long tenantId, long id) {
        return h.createUpdate("UPDATE issuance_job_row SET state = 'cancelled' WHERE tenant_id = :tenant AND job_id = :id AND state = 'pending'")
                .bind("tenant", tenantId).bind("id", id).execute();
    }

    /** Up to {@code limit} pending rows after line {@code after} (-1: from the first), in line order. */
    static List<Pending> pending(Handle h, long tenantId, long id, int after, int limit) {
        return h.createQuery("""
                        SELECT line, name, email, achievement_id, issued_at, expires_at, grade, evidence_url
                          FROM issuance_job_row
                         WHERE tenant_id = :tenant AND job_id = :id AND state = 'pending' AND line > :after
                         ORDER BY line
                         LIMIT :limit
                        """).bind("tenant", tenantId).bind("id", id).bind("after", after).bind("limit", limit)
                .map((rs, ctx) -> new Pending(rs.getInt("line"), rs.getString("name"), rs.getString("email"), rs.getLong("achievement_id"),
                        instant(rs, "issued_at"), instant(rs, "expires_at"), rs.getString("grade"), rs.getString("evidence_url")))
                .list();
    }

    /**
     * Records the batch's outcomes and adds them to the job's counts, the job row locked so a cancel
     * cannot interleave: a row a cancel marked while its credential was being issued counts as issued.
     */
    static void record(Handle h, long tenantId, long id, List<Outcome> outcomes) {
        find(h, tenantId, id, true);
        List<Integer> lines = outcomes.stream().map(Outcome::line).toList();
        int wasCancelled = h.createQuery("""
                        SELECT count(*) FROM issuance_job_row
                         WHERE tenant_id = :tenant AND job_id = :id AND line = ANY(:lines) AND state = 'cancelled'
                        """).bind("tenant", tenantId).bind("id", id).bindArray("lines", Integer.class, lines).mapTo(Integer.class).one();
        // one prepared statement sent as a batch: each row found by its primary key, whatever the freshly copied table's statistics
        PreparedBatch batch = h.prepareBatch("""
                UPDATE issuance_job_row SET state = :state, credential_id = CAST(:credential AS UUID), number = :number, field = :field, error = :error
                 WHERE tenant_id = :tenant AND job_id = :id AND line = :line AND state IN ('pending', 'cancelled')
                """);
        int issued = 0;
        int already = 0;
        int failed = 0;
        for (Outcome o : outcomes) {
            batch.bind("state", o.state()).bind("credential", o.credentialId() == null ? null : o.credentialId().toString())
                    .bind("number", o.number()).bind("field", o.field()).bind("error", o.error())
                    .bind("tenant", tenantId).bind("id", id).bind("line", o.line()).add();
            switch (o.state()) {
                case "issued" -> issued++;
                case "already_issued" -> already++;
                default -> failed++;
            }
        }
        batch.execute();
        h.createUpdate("""
                        UPDATE issuance_job SET issued = issued + :issued, already_issued = already_issued + :already, failed = failed + :failed,
                                                cancelled = cancelled - :wasCancelled
                         WHERE tenant_id = :tenant AND id = :id
                        """).bind("issued", issued).bind("already", already).bind("failed", failed).bind("wasCancelled", wasCancelled)
                .bind("tenant", tenantId).bind("id", id).execute();
    }

    /** The first {@code limit} refused rows, by line. */
    static List<IssuanceJob.RowResult> errors(Handle h, long tenantId, long id, int limit) {
        return h.createQuery("""
                        SELECT line, state, name, email, achievement_id, number, field, error, CAST(custom AS TEXT) AS custom
                          FROM issuance_job_row
                         WHERE tenant_id = :tenant AND job_id = :id AND state = 'failed'
                         ORDER BY line
                         LIMIT :limit
                        """).bind("tenant", tenantId).bind("id", id).bind("limit", limit).map((rs, ctx) -> rowResult(rs)).list();
    }

    /** Every row in line order, streamed (a cursor: the caller's handle must be in a transaction). */
    static void rows(Handle h, long tenantId, long id, Consumer<IssuanceJob.RowResult> each) {
        h.createQuery("""
                        SELECT line, state, name, email, achievement_id, number, field, error, CAST(custom AS TEXT) AS custom
                          FROM issuance_job_row
                         WHERE tenant_id = :tenant AND job_id = :id
                         ORDER BY line
                        """).bind("tenant", tenantId).bind("id", id).setFetchSize(2000).map((rs, ctx) -> rowResult(rs)).useStream(s -> s.forEach(each));
    }

    /** The custom field names the job's rows give, sorted. */
    static List<String> customFields(Handle h, long tenantId, long id) {
        return h.createQuery("""
                        SELECT DISTINCT jsonb_object_keys(custom) AS k FROM issuance_job_row
                         WHERE tenant_id = :tenant AND job_id = :id AND custom IS NOT NULL ORDER BY k
                        """).bind("tenant", tenantId).bind("id", id).mapTo(String.class).list();
    }

    /** Whether the credential was issued by a job whose mails link to the certificate instead of attaching it. */
    static boolean linksOnly(Handle h, long tenantId, UUID credentialId) {
        return h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM issuance_job_row r JOIN issuance_job j ON j.tenant_id = r.tenant_id AND j.id = r.job_id
                                        WHERE r.tenant_id = :tenant AND r.credential_id = :credential AND j.links_only)
                        """).bind("tenant", tenantId).bind("credential", credentialId).mapTo(Boolean.class).one();
    }

    /**
     * Existing credentials of the recipients for the achievements, by {@code achievementId + "\n" + emailHash}: their
     * number, id and the Idempotency-Key they were issued under.
     */
    static Map<String, Existing> existing(Handle h, long tenantId, List<Long> achievementIds, List<String> emailHashes) {
        Map<String, Existing> found = new java.util.HashMap<>();
        h.createQuery("""
                        SELECT id, achievement_id, recipient_email_hash, number, idempotency_key FROM credential
                         WHERE tenant_id = :tenant AND achievement_id = ANY(:achievements) AND recipient_email_hash = ANY(:hashes)
                        """).bind("tenant", tenantId).bindArray("achievements", Long.class, achievementIds.stream().distinct().toList())
                .bindArray("hashes", String.class, emailHashes)
                .map((rs, ctx) -> new Existing(rs.getObject("id", UUID.class), rs.getLong("achievement_id") + "\n" + rs.getString("recipient_email_hash"),
                        rs.getString("number"), rs.getString("idempotency_key")))
                .forEach(e -> found.putIfAbsent(e.key(), e));
        return found;
    }

    record Existing(UUID id, String key, String number, String idempotencyKey) {}

    /** Copies rows in with COPY, a few thousand at a time: a 100,000-row file is stored in about a second. */
    static final class RowCopier implements AutoCloseable {
        private static final String SQL = """
                COPY issuance_job_row (tenant_id, job_id, line, state, name, email, achievement_id, issued_at, expires_at, grade, evidence_url,
                                       custom, field, error) FROM STDIN (FORMAT csv)""";
        private static final int CHUNK = 5000;
        private final Handle h;
        private final String tenant;
        private final String job;
        private StringWriter buffer = new StringWriter();
        private CsvWriter csv = CsvWriter.builder().build(buffer);
        private int buffered;

        RowCopier(Handle h, long tenantId, long jobId) {
            this.h = h;
            this.tenant = String.valueOf(tenantId);
            this.job = String.valueOf(jobId);
        }

        void row(BulkFile.Row r) {
            add(r.line(), "pending", r.name(), r.email(), String.valueOf(r.achievementId()), text(r.issuedAt()), text(r.expiresAt()), r.grade(),
                    r.evidenceUrl(), r.custom().isEmpty() ? null : json(r.custom()), null, null);
        }

        void refused(BulkFile.Refused r) {
            Map<String, String> cells = r.cells();
            add(r.line(), "failed", cells.get("name"), cells.get("email"), null, null, null, null, null, null, r.field(), r.message());
        }

        private void add(int line, String state, String name, String email, String achievement, String issued, String expires, String grade,
                         String evidence, String custom, String field, String error) {
            // NUL cannot be stored in PostgreSQL text; a file holding one has it dropped
            csv.writeRecord(tenant, job, String.valueOf(line), state, nul(name), nul(email), achievement, issued, expires, nul(grade), nul(evidence),
                    nul(custom), field, nul(error));
            if (++buffered == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (buffered == 0) {
                return;
            }
            try {
                csv.flush();
                h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(SQL, new StringReader(buffer.toString()));
            } catch (SQLException e) {
                throw new IllegalStateException("storing the job's rows failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer = new StringWriter();
            csv = CsvWriter.builder().build(buffer);
            buffered = 0;
        }

        @Override
        public void close() {
            flush();
        }

        private static String text(Instant at) {
            return at == null ? null : at.toString();
        }

        private static String nul(String text) {
            return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
        }
    }

    private static IssuanceJob job(ResultSet rs) throws SQLException {
        List<String> warnings = new ArrayList<>();
        try {
            JSON.readTree(rs.getString("warnings")).forEach(w -> warnings.add(w.asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new IssuanceJob(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("state"), BulkFile.Format.valueOf(rs.getString("format").toUpperCase()),
                rs.getString("filename"), rs.getString("created_by"), rs.getBoolean("notify"), rs.getBoolean("links_only"), rs.getInt("total"),
                rs.getInt("issued"), rs.getInt("already_issued"), rs.getInt("failed"), rs.getInt("cancelled"), warnings,
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static IssuanceJob.RowResult rowResult(ResultSet rs) throws SQLException {
        long achievement = rs.getLong("achievement_id");
        return new IssuanceJob.RowResult(rs.getInt("line"), rs.getString("state"), rs.getString("name"), rs.getString("email"),
                rs.wasNull() ? null : achievement, rs.getString("number"), rs.getString("field"), rs.getString("error"), rs.getString("custom"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
