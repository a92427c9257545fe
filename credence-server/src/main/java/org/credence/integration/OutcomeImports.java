package org.credence.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.Optional;
import java.util.Set;
import org.credence.audit.AuditTrail;
import org.credence.credential.ShareLinks;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.jobs.Jobs;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Imports outcome data (LMS, CRM, HRIS, revenue) into the V25 tables: idempotent upserts keyed by
 * (tenant, source, source id), persons resolved in bulk by e-mail hash or external id, and the match
 * rate counted as the rows land.
 *
 * <p>One import is one transaction: its rows, its persons and its {@code outcome_import} row commit
 * together or not at all, so a failure never leaves half a file. The first file of a source is copied
 * ({@code COPY}, in chunks of {@value #CHUNK}) straight into its table; later files are copied into a
 * temporary table dropped at commit, then written by one {@code INSERT … SELECT … ON CONFLICT DO UPDATE};
 * a row whose values did not change is not rewritten (nor counted as upserted). Imports of one tenant
 * take turns (an advisory lock), so two at once cannot race on the same persons. A bulk import's
 * planner statistics are refreshed by a job after it answered ({@link #ANALYZE_TASK}).
 */
public final class OutcomeImports {
    static final int CHUNK = 50_000;
    /** Bytes of CSV sent to the server at a time while copying. */
    private static final int COPY_BUFFER = 1 << 16;
    /**
     * An import that wrote at least this many rows refreshes the planner's statistics of its table (and of the persons)
     * before the outcome figures recompute: a bulk load outruns autovacuum. At a million rows the warmer's query right after
     * a load ran for over ten minutes (most likely planned on the pre-load statistics); planned on fresh ones it took 19 s.
     */
    public static final int ANALYZE_AFTER_ROWS = 10_000;
    /**
     * The job that refreshes those statistics after the import answered (ANALYZE of a million-row table takes a second or more of
     * the request otherwise); queued in the import's transaction, so a crash between the two still runs it.
     */
    public static final String ANALYZE_TASK = "outcomes.analyze";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutcomeImports.class);
    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;
    private final LongConsumer changed;
    private final LongConsumer pending;
    private final LongFunction<Runnable> writing;
    private final Jobs jobs;
    private final Map<OutcomeKind, String> upserts = new HashMap<>();
    private final Map<OutcomeKind, String> unchanged = new HashMap<>();

    public OutcomeImports(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this(jdbi, audit, clock, tenant -> {}, tenant -> {}, tenant -> () -> {}, null);
    }

    /**
     * @param changed told the tenant id once an import's data is ready to read (committed, and after a bulk import its planner
     *                statistics refreshed): the outcome figures recompute off the request
     * @param pending told the tenant id when a bulk import committed and its statistics are being refreshed by a job, which
     *                tells {@code changed} when done: readers meanwhile may be served the previous figures, marked stale
     * @param writing told the tenant id as an import starts writing; the import runs what it returns when it ended (committed or
     *                not): the figures' recomputes wait meanwhile rather than compete with the import for the database
     * @param jobs    where the statistics refresh of a bulk import is queued ({@link #ANALYZE_TASK}, register it with
     *                {@link #registerJobs}); null refreshes them before the import answers
     */
    public OutcomeImports(Jdbi jdbi, AuditTrail audit, Clock clock, LongConsumer changed, LongConsumer pending, LongFunction<Runnable> writing,
                          Jobs jobs) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
        this.pending = pending;
        this.writing = writing;
        this.jobs = jobs;
        for (OutcomeKind kind : OutcomeKind.values()) {
            upserts.put(kind, upsertSql(kind));
            unchanged.put(kind, unchangedSql(kind));
        }
    }

    /** Registers {@link #ANALYZE_TASK}: refreshes the statistics of an import's table (and of the persons), then tells {@code changed}. */
    public void registerJobs(Jobs scheduler) {
        scheduler.oneTime(ANALYZE_TASK, Duration.ofHours(1), job -> analyze(job.tenantId(), job.key()));
    }

    /** The job body: {@code key} is the kind and the import id ("crm_contact/42"). The figures recompute even when ANALYZE failed. */
    void analyze(long tenantId, String key) {
        OutcomeKind kind = OutcomeKind.parse(key.substring(0, key.indexOf('/'))).orElseThrow(() -> new IllegalArgumentException("not a kind: " + key));
        try {
            analyze(kind);
        } finally {
            changed.accept(tenantId);
        }
    }

    private void analyze(OutcomeKind kind) {
        // the table name is the kind's constant, never input
        jdbi.useHandle(h -> h.execute("ANALYZE " + kind.id() + (kind.namesPerson() ? ", outcome_person" : "")));
    }

    /** What to import: a body of CSV or a JSON array. */
    public record Request(OutcomeKind kind, String source, byte[] body, String contentType, boolean simulated) {}

    /**
     * Imports a file for {@code tenantId}: good rows are upserted, bad rows reported with their line.
     *
     * @throws DomainException.InvalidInput when the source is blank or too long, or the file cannot be read at all
     */
    public ImportSummary run(long tenantId, String actor, Request request) {
        String source = source(request.source());
        // the tenant's recomputes wait until this import ended; from before the file is read, as a recompute started now would still be
        // running when the rows are written
        Runnable written = writing.apply(tenantId);
        try {
            ImportPhases phases = new ImportPhases(LOG.isDebugEnabled());
            OutcomeFile.Read read = OutcomeFile.read(request.kind(), request.body(), request.contentType(), achievements(tenantId));
            phases.mark("read");
            return write(tenantId, actor, request, source, read, clock.instant(), phases);
        } finally {
            written.run();
        }
    }

    private ImportSummary write(long tenantId, String actor, Request request, String source, OutcomeFile.Read read, Instant started,
                                ImportPhases phases) {
        boolean[] signalled = {false};
        long[] done;
        try {
            done = jdbi.inTransaction(h -> {
                phases.backend(h);
                h.createQuery("SELECT pg_advisory_xact_lock(CAST(:tenant AS INTEGER), hashtext('outcome-import'))::text")
                        .bind("tenant", tenantId).mapTo(String.class).one();
                long importId = h.createQuery("""
                                INSERT INTO outcome_import (tenant_id, kind, source, format, imported_by, started_at, simulated)
                                VALUES (:tenant, :kind, :source, :format, :actor, :started, :simulated) RETURNING id""")
                        .bind("tenant", tenantId).bind("kind", request.kind().id()).bind("source", source).bind("format", read.format().id())
                        .bind("actor", actor).bind("started", Timestamp.from(started)).bind("simulated", request.simulated())
                        .mapTo(Long.class).one();
                phases.mark("begin");
                Persons persons = request.kind().namesPerson() ? resolve(h, tenantId, read.rows(), request.simulated(), phases) : Persons.NONE;
                int upserted = upsert(h, tenantId, source, importId, request, read.rows(), persons, phases);
                int[] match = request.kind() == OutcomeKind.CRM_OPPORTUNITY ? matchThroughContacts(h, tenantId, source, read.rows())
                        : match(h, tenantId, read.rows(), persons);
                phases.mark("match");
                ArrayNode errors = errorsJson(read);
                h.createUpdate("""
                                UPDATE outcome_import SET finished_at = :finished, rows_total = :total, rows_upserted = :upserted, rows_failed = :failed,
                                       rows_with_person = :withPerson, rows_matched = :matched, errors = CAST(:errors AS JSONB)
                                WHERE id = :id AND tenant_id = :tenant""")
                        .bind("finished", Timestamp.from(clock.instant())).bind("total", read.total()).bind("upserted", upserted)
                        .bind("failed", read.failedRows()).bind("withPerson", match[0]).bind("matched", match[1])
                        .bind("errors", errors.toString()).bind("id", importId).bind("tenant", tenantId).execute();
                ObjectNode after = MAPPER.createObjectNode().put("kind", request.kind().id()).put("source", source).put("rowsTotal", read.total())
                        .put("rowsUpserted", upserted).put("rowsFailed", read.failedRows()).put("rowsWithPerson", match[0]).put("rowsMatched", match[1]);
                audit.record(h, tenantId, actor, "outcomes.import", "outcome_import:" + importId, null, after);
                boolean queued = jobs != null && upserted >= ANALYZE_AFTER_ROWS
                        && Jobs.enqueue(h, ANALYZE_TASK, tenantId, request.kind().id() + "/" + importId, Instant.now()); // the scheduler's wall clock
                if (queued) {
                    // told before the commit, so the job (which may run the moment the import commits) always tells changed after it
                    pending.accept(tenantId);
                    signalled[0] = true;
                }
                phases.mark("finish");
                return new long[] {importId, upserted, queued ? 1 : 0};
            });
        } catch (RuntimeException e) {
            if (signalled[0]) {
                changed.accept(tenantId); // the commit failed after pending was told: recompute (on unchanged data) rather than stay stale
            }
            throw e;
        }
        phases.mark("commit");
        if (done[2] == 1) {
            // the job refreshes the statistics, then tells changed; until then readers get the previous answers, marked stale
            jobs.wake();
        } else {
            try {
                if (done[1] >= ANALYZE_AFTER_ROWS) {
                    analyze(request.kind());
                }
            } finally {
                changed.accept(tenantId);
            }
        }
        phases.mark("statistics");
        LOG.info("outcome import {} of tenant {}: {} rows; {}", request.kind().id(), tenantId, read.total(), phases);
        return get(tenantId, done[0]).orElseThrow();
    }

    /** The tenant's imports, newest first, {@code limit} of them before import {@code before} (null: from the newest). */
    public List<ImportSummary> list(long tenantId, Long before, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outcome_import WHERE tenant_id = :tenant AND (CAST(:before AS BIGINT) IS NULL OR id < :before)"
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("tenant", tenantId).bind("before", before).bind("limit", limit).map((rs, ctx) -> summary(rs)).list());
    }

    /** One import of the tenant's, with its errors. */
    public Optional<ImportSummary> get(long tenantId, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outcome_import WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> summary(rs)).findOne());
    }

    static String source(String source) {
        String clean = source == null ? "" : source.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new DomainException.InvalidInput("source", ErrorText.of("imports.source_invalid"));
        }
        return clean;
    }

    private Map<String, Long> achievements(long tenantId) {
        return achievementKeys(jdbi, tenantId);
    }

    /** The tenant's achievements by id (as text) and by slug (the name as in {@code utm_campaign}): how a file names an achievement. */
    public static Map<String, Long> achievementKeys(Jdbi jdbi, long tenantId) {
        Map<String, Long> byKey = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, name FROM achievement WHERE tenant_id = :tenant ORDER BY id").bind("tenant", tenantId)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    byKey.put(String.valueOf(id), id);
                    byKey.putIfAbsent(ShareLinks.campaign(rs.getString("name"), id), id);
                    return id;
                }).list());
        return byKey;
    }

    /** The persons named by the rows, found or created in a handful of statements whatever the number of rows. */
    record Persons(Map<String, Long> byHash, Map<String, Long> byExternalId, Map<Long, String[]> keys) {
        static final Persons NONE = new Persons(Map.of(), Map.of(), Map.of());

        Long of(OutcomeFile.Row row) {
            return row.emailHash() != null ? byHash.get(row.emailHash()) : row.externalId() != null ? byExternalId.get(row.externalId()) : null;
        }
    }

    private static Persons resolve(Handle h, long tenantId, List<OutcomeFile.Row> rows, boolean simulated, ImportPhases phases) {
        Set<String> hashes = new HashSet<>();
        Set<String> externalOnly = new HashSet<>();
        Map<String, String> pairByHash = new LinkedHashMap<>();   // a person's first external id in this file
        Map<String, String> pairByExternal = new LinkedHashMap<>(); // an external id's first e-mail hash in this file
        for (OutcomeFile.Row row : rows) {
            if (row.emailHash() != null) {
                hashes.add(row.emailHash());
                if (row.externalId() != null) {
                    pairByExternal.putIfAbsent(row.externalId(), row.emailHash());
                }
            } else if (row.externalId() != null) {
                externalOnly.add(row.externalId());
            }
        }
        pairByExternal.forEach((ext, hash) -> pairByHash.putIfAbsent(hash, ext));
        if (!pairByHash.isEmpty()) {
            // a person known so far only by the source's id (an HR file) takes the e-mail hash when a row names both,
            // unless the address already has a person of its own (then the two stay apart, linked by recipient_external_id)
            h.createUpdate("""
                            UPDATE outcome_person p SET email_hash = v.h
                            FROM unnest(CAST(:hashes AS TEXT[]), CAST(:externals AS TEXT[])) AS v(h, e)
                            WHERE p.tenant_id = :tenant AND p.external_id = v.e AND p.email_hash IS NULL AND p.erased_at IS NULL
                              AND NOT EXISTS (SELECT 1 FROM outcome_person q WHERE q.tenant_id = :tenant AND q.email_hash = v.h)""")
                    .bind("tenant", tenantId).bindArray("hashes", String.class, List.copyOf(pairByHash.keySet()))
                    .bindArray("externals", String.class, List.copyOf(pairByHash.values())).execute();
        }
        phases.mark("persons: pairs");
        Map<String, Long> created = new HashMap<>();
        if (!hashes.isEmpty()) {
            // the new persons come back with their ids: a first import reads none of them again
            h.createQuery("""
                            INSERT INTO outcome_person (tenant_id, email_hash, simulated)
                            SELECT :tenant, x.h, :simulated FROM unnest(CAST(:hashes AS TEXT[])) AS x(h)
                            ON CONFLICT (tenant_id, email_hash) DO NOTHING
                            RETURNING id, email_hash""")
                    .bind("tenant", tenantId).bind("simulated", simulated).bindArray("hashes", String.class, List.copyOf(hashes))
                    .map((rs, ctx) -> created.put(rs.getString("email_hash"), rs.getLong("id"))).list();
        }
        if (!pairByHash.isEmpty()) {
            // a person known by e-mail takes the source's person id too, unless another person already holds it
            h.createUpdate("""
                            UPDATE outcome_person p SET external_id = v.e
                            FROM unnest(CAST(:hashes AS TEXT[]), CAST(:externals AS TEXT[])) AS v(h, e)
                            WHERE p.tenant_id = :tenant AND p.email_hash = v.h AND p.external_id IS NULL
                              AND NOT EXISTS (SELECT 1 FROM outcome_person q WHERE q.tenant_id = :tenant AND q.external_id = v.e)""")
                    .bind("tenant", tenantId).bindArray("hashes", String.class, List.copyOf(pairByHash.keySet()))
                    .bindArray("externals", String.class, List.copyOf(pairByHash.values())).execute();
            h.createUpdate("""
                            INSERT INTO recipient_external_id (tenant_id, external_id, email_hash)
                            SELECT :tenant, v.e, v.h FROM unnest(CAST(:externals AS TEXT[]), CAST(:hashes AS TEXT[])) AS v(e, h)
                            ON CONFLICT (tenant_id, external_id) DO UPDATE SET email_hash = EXCLUDED.email_hash
                            WHERE recipient_external_id.email_hash <> EXCLUDED.email_hash""")
                    .bind("tenant", tenantId).bindArray("externals", String.class, List.copyOf(pairByExternal.keySet()))
                    .bindArray("hashes", String.class, List.copyOf(pairByExternal.values())).execute();
        }
        if (!externalOnly.isEmpty()) {
            h.createUpdate("""
                            INSERT INTO outcome_person (tenant_id, external_id, simulated)
                            SELECT :tenant, x.e, :simulated FROM unnest(CAST(:externals AS TEXT[])) AS x(e)
                            ON CONFLICT (tenant_id, external_id) DO NOTHING""")
                    .bind("tenant", tenantId).bind("simulated", simulated).bindArray("externals", String.class, List.copyOf(externalOnly)).execute();
        }
        phases.mark("persons: insert");
        Map<String, Long> byHash = new HashMap<>();
        Map<String, Long> byExternal = new HashMap<>();
        Map<Long, String[]> keys = new HashMap<>();
        // read back the persons that existed before, and those the pairing above may have given an external id
        Set<String> reread = new HashSet<>(hashes);
        created.forEach((hash, id) -> {
            if (!pairByHash.containsKey(hash)) {
                reread.remove(hash);
                byHash.put(hash, id);
                keys.put(id, new String[] {hash, null});
            }
        });
        h.createQuery("""
                        SELECT p.id, p.email_hash, p.external_id FROM outcome_person p JOIN unnest(CAST(:hashes AS TEXT[])) AS x(h) ON p.email_hash = x.h
                        WHERE p.tenant_id = :tenant
                        UNION ALL
                        SELECT p.id, p.email_hash, p.external_id FROM outcome_person p JOIN unnest(CAST(:externals AS TEXT[])) AS x(e) ON p.external_id = x.e
                        WHERE p.tenant_id = :tenant""")
                .bind("tenant", tenantId).bindArray("hashes", String.class, List.copyOf(reread))
                .bindArray("externals", String.class, List.copyOf(externalOnly))
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    String hash = rs.getString("email_hash");
                    String ext = rs.getString("external_id");
                    if (hash != null) {
                        byHash.put(hash, id);
                    }
                    if (ext != null) {
                        byExternal.put(ext, id);
                    }
                    keys.put(id, new String[] {hash, ext});
                    return id;
                }).list();
        phases.mark("persons: read back");
        return new Persons(byHash, byExternal, keys);
    }

    private int upsert(Handle h, long tenantId, String source, long importId, Request request, List<OutcomeFile.Row> rows, Persons persons,
                       ImportPhases phases) {
        OutcomeKind kind = request.kind();
        int width = kind.storedColumns().size();
        // the first file of a source: nothing to compare or update, so its rows are copied straight into the table (no stage, no
        // conflict check per row: this tenant's imports take turns, and a file's ids are unique, so no row can conflict)
        boolean first = !h.createQuery("SELECT EXISTS (SELECT 1 FROM " + kind.id() + " WHERE tenant_id = :tenant AND source = :source)")
                .bind("tenant", tenantId).bind("source", source).mapTo(Boolean.class).one();
        if (first) {
            List<Column> stored = kind.storedColumns();
            int offset = kind.namesPerson() ? 4 : 3;
            String[] record = new String[offset + width + 2];
            record[0] = Long.toString(tenantId);
            record[1] = source;
            record[offset + width] = Long.toString(importId);
            record[offset + width + 1] = request.simulated() ? "t" : "f";
            copy(h, "COPY " + kind.id() + " (tenant_id, source, source_id, " + String.join(", ", storedNames(kind)) + ", import_id, simulated)"
                    + " FROM STDIN WITH (FORMAT csv)", rows, row -> {
                        record[2] = row.sourceId();
                        if (kind.namesPerson()) {
                            Long person = persons.of(row);
                            record[3] = person == null ? null : person.toString();
                        }
                        for (int c = 0; c < width; c++) {
                            String value = row.values()[c];
                            // as the staged upsert's COALESCE: a line without a quantity counts once
                            record[offset + c] = value == null && stored.get(c).type() == Column.Type.QUANTITY ? "1" : value;
                        }
                        return record;
                    });
            phases.mark("copy into the table");
            return rows.size();
        }
        List<String> columns = new ArrayList<>();
        columns.add("source_id TEXT");
        columns.add("person_id TEXT");
        for (int c = 0; c < width; c++) {
            columns.add("c" + c + " TEXT");
        }
        h.execute("CREATE TEMP TABLE outcome_stage (" + String.join(", ", columns) + ") ON COMMIT DROP");
        String[] record = new String[width + 2];
        copy(h, "COPY outcome_stage FROM STDIN WITH (FORMAT csv)", rows, row -> {
            Long person = persons.of(row);
            record[0] = row.sourceId();
            record[1] = person == null ? null : person.toString();
            System.arraycopy(row.values(), 0, record, 2, width);
            return record;
        });
        phases.mark("stage");
        h.execute("ANALYZE outcome_stage");
        // unchanged rows leave the stage first, in their own statement: as a NOT EXISTS inside the INSERT, a plan that rescans the
        // target would also read every row the INSERT has just added (quadratic on a first import)
        phases.mark("analyze the stage");
        h.createUpdate(unchanged.get(kind)).bind("tenant", tenantId).bind("source", source).execute();
        phases.mark("drop unchanged");
        int written = h.createUpdate(upserts.get(kind)).bind("tenant", tenantId).bind("source", source).bind("import", importId)
                .bind("simulated", request.simulated()).execute();
        phases.mark("upsert");
        return written;
    }

    /**
     * Streams the rows to {@code copySql} as CSV, one {@code COPY} per {@value #CHUNK} rows; {@code record} may reuse one array.
     * The text goes to the server as it is written (in {@value #COPY_BUFFER}-byte pieces), so PostgreSQL parses and inserts one
     * piece while this thread formats the next: on two cores the two halves of the work overlap instead of taking turns.
     */
    private static void copy(Handle h, String copySql, List<OutcomeFile.Row> rows, java.util.function.Function<OutcomeFile.Row, String[]> record) {
        PGConnection connection;
        try {
            connection = h.getConnection().unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the database connection is not PostgreSQL's", e);
        }
        for (int from = 0; from < rows.size(); from += CHUNK) {
            try (PGCopyOutputStream out = new PGCopyOutputStream(connection, copySql, COPY_BUFFER);
                 CsvWriter csv = CsvWriter.builder().bufferSize(COPY_BUFFER).build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                for (OutcomeFile.Row row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                    csv.writeRecord(record.apply(row));
                }
            } catch (SQLException e) {
                throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
            } catch (IOException e) {
                // the driver reports a failed COPY (a constraint, a bad value) as an IOException caused by the server's error
                if (e.getCause() instanceof SQLException cause) {
                    throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(cause, null);
                }
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Deletes from the stage the rows already stored with the same values: they are neither rewritten nor counted. */
    static String unchangedSql(OutcomeKind kind) {
        List<String> names = storedNames(kind);
        List<String> selected = castColumns(kind);
        return "DELETE FROM outcome_stage u USING " + kind.id() + " x WHERE x.tenant_id = :tenant AND x.source = :source AND x.source_id = u.source_id"
                + " AND (" + String.join(", ", names.stream().map(n -> "x." + n).toList()) + ") IS NOT DISTINCT FROM (" + String.join(", ", selected) + ")";
    }

    /** The stored columns' names, the person first when the kind names one. */
    private static List<String> storedNames(OutcomeKind kind) {
        List<String> names = new ArrayList<>();
        if (kind.namesPerson()) {
            names.add("person_id");
        }
        kind.storedColumns().forEach(c -> names.add(c.name()));
        return names;
    }

    /** The staged text columns cast to their types, in {@link #storedNames} order. */
    private static List<String> castColumns(OutcomeKind kind) {
        List<String> selected = new ArrayList<>();
        if (kind.namesPerson()) {
            selected.add("CAST(u.person_id AS BIGINT)");
        }
        List<Column> stored = kind.storedColumns();
        for (int c = 0; c < stored.size(); c++) {
            Column column = stored.get(c);
            String cast = "CAST(u.c" + c + " AS " + column.type().sqlType() + ")";
            selected.add(column.type() == Column.Type.QUANTITY ? "COALESCE(" + cast + ", 1)" : cast);
        }
        return selected;
    }

    /**
     * The kind's upsert from the staged rows (every value text, cast here). Staging with COPY and one
     * INSERT … SELECT is the fastest path PostgreSQL offers for an upsert.
     */
    static String upsertSql(OutcomeKind kind) {
        List<String> names = storedNames(kind);
        return "INSERT INTO " + kind.id() + " AS t (tenant_id, source, source_id, " + String.join(", ", names) + ", import_id, simulated)\n"
                + "SELECT :tenant, :source, u.source_id, " + String.join(", ", castColumns(kind)) + ", :import, :simulated FROM outcome_stage u\n"
                + "ON CONFLICT (tenant_id, source, source_id) DO UPDATE SET "
                + String.join(", ", names.stream().map(n -> n + " = EXCLUDED." + n).toList())
                + ", import_id = EXCLUDED.import_id, simulated = EXCLUDED.simulated, updated_at = now()\n"
                + "WHERE (" + String.join(", ", names.stream().map(n -> "t." + n).toList()) + ") IS DISTINCT FROM ("
                + String.join(", ", names.stream().map(n -> "EXCLUDED." + n).toList()) + ")";
    }

    /** [rows naming a person, of those rows matched to a recipient]. */
    private static int[] match(Handle h, long tenantId, List<OutcomeFile.Row> rows, Persons persons) {
        List<String[]> keys = new ArrayList<>();
        for (OutcomeFile.Row row : rows) {
            if (row.namesPerson()) {
                Long person = persons.of(row);
                String[] known = person == null ? null : persons.keys().get(person);
                keys.add(new String[] {row.emailHash() != null ? row.emailHash() : known == null ? null : known[0],
                        row.externalId() != null ? row.externalId() : known == null ? null : known[1]});
            }
        }
        return count(h, tenantId, keys);
    }

    /** Opportunities name a person through their contact: the contact's person is matched. */
    private static int[] matchThroughContacts(Handle h, long tenantId, String source, List<OutcomeFile.Row> rows) {
        int contactColumn = OutcomeKind.CRM_OPPORTUNITY.storedColumns().indexOf(OutcomeKind.CRM_OPPORTUNITY.storedColumns().stream()
                .filter(c -> c.name().equals("contact_source_id")).findFirst().orElseThrow());
        Set<String> contacts = new HashSet<>();
        rows.forEach(r -> {
            if (r.values()[contactColumn] != null) {
                contacts.add(r.values()[contactColumn]);
            }
        });
        Map<String, String[]> byContact = new HashMap<>();
        if (!contacts.isEmpty()) {
            h.createQuery("""
                            SELECT c.source_id, p.email_hash, p.external_id
                            FROM crm_contact c JOIN unnest(CAST(:contacts AS TEXT[])) AS x(id) ON c.source_id = x.id
                            LEFT JOIN outcome_person p ON p.id = c.person_id
                            WHERE c.tenant_id = :tenant AND c.source = :source""")
                    .bind("tenant", tenantId).bind("source", source).bindArray("contacts", String.class, List.copyOf(contacts))
                    .map((rs, ctx) -> byContact.put(rs.getString("source_id"), new String[] {rs.getString("email_hash"), rs.getString("external_id")}))
                    .list();
        }
        List<String[]> keys = new ArrayList<>();
        for (OutcomeFile.Row row : rows) {
            String contact = row.values()[contactColumn];
            if (contact != null) {
                keys.add(byContact.getOrDefault(contact, new String[2]));
            }
        }
        return count(h, tenantId, keys);
    }

    /** Counts keys ([email hash, external id]) and those belonging to a recipient: by hash directly, or by external id through recipient_external_id. */
    private static int[] count(Handle h, long tenantId, List<String[]> keys) {
        Set<String> hashes = new HashSet<>();
        Set<String> externals = new HashSet<>();
        for (String[] key : keys) {
            if (key[0] != null) {
                hashes.add(key[0]);
            }
            if (key[1] != null) {
                externals.add(key[1]);
            }
        }
        Set<String> recipientHashes = new HashSet<>(hashes.isEmpty() ? List.of() : h.createQuery("""
                        SELECT DISTINCT c.recipient_email_hash FROM credential c JOIN unnest(CAST(:hashes AS TEXT[])) AS x(h) ON c.recipient_email_hash = x.h
                        WHERE c.tenant_id = :tenant""")
                .bind("tenant", tenantId).bindArray("hashes", String.class, List.copyOf(hashes)).mapTo(String.class).list());
        Set<String> recipientExternals = new HashSet<>(externals.isEmpty() ? List.of() : h.createQuery("""
                        SELECT r.external_id FROM recipient_external_id r JOIN unnest(CAST(:externals AS TEXT[])) AS x(e) ON r.external_id = x.e
                        WHERE r.tenant_id = :tenant
                          AND EXISTS (SELECT 1 FROM credential c WHERE c.tenant_id = :tenant AND c.recipient_email_hash = r.email_hash)""")
                .bind("tenant", tenantId).bindArray("externals", String.class, List.copyOf(externals)).mapTo(String.class).list());
        int matched = 0;
        for (String[] key : keys) {
            if (key[0] != null && recipientHashes.contains(key[0]) || key[1] != null && recipientExternals.contains(key[1])) {
                matched++;
            }
        }
        return new int[] {keys.size(), matched};
    }

    private static ArrayNode errorsJson(OutcomeFile.Read read) {
        ArrayNode errors = MAPPER.createArrayNode();
        boolean csv = read.format() == OutcomeFile.Format.CSV;
        for (String warning : read.warnings()) {
            ObjectNode node = errors.addObject();
            if (csv) {
                node.put("line", 1);
            }
            node.put("message", warning).put("warning", true);
        }
        for (OutcomeFile.RowError error : read.errors()) {
            ObjectNode node = errors.addObject();
            node.put(csv ? "line" : "index", error.position());
            if (error.field() != null) {
                node.put("field", error.field());
            }
            node.put("message", error.message());
        }
        return errors;
    }

    private static ImportSummary summary(ResultSet rs) throws SQLException {
        List<ImportSummary.Problem> problems = new ArrayList<>();
        try {
            for (JsonNode node : MAPPER.readTree(rs.getString("errors"))) {
                problems.add(new ImportSummary.Problem(node.has("line") ? node.get("line").asInt() : null, node.has("index") ? node.get("index").asInt() : null,
                        node.has("field") ? node.get("field").asText() : null, node.path("message").asText(), node.path("warning").asBoolean(false)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outcome_import.errors is not JSON", e);
        }
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportSummary(rs.getLong("id"), OutcomeKind.parse(rs.getString("kind")).orElseThrow(), rs.getString("source"), rs.getString("format"),
                rs.getString("imported_by"), rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getInt("rows_total"), rs.getInt("rows_upserted"), rs.getInt("rows_failed"), rs.getInt("rows_with_person"), rs.getInt("rows_matched"),
                (int) problems.stream().filter(p -> !p.warning()).count(), problems, rs.getBoolean("simulated"));
    }
}
