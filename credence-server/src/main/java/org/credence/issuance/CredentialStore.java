package org.credence.issuance;

import org.credence.domain.ErrorText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL for credentials. Every lookup but the public one by number is scoped to a tenant. */
public final class CredentialStore {
    private static final String COLUMNS = """
            id, tenant_id, achievement_id, number, recipient_name, recipient_email, document_text,
            status_list_id, status_index, issued_at, expires_at, state, state_reason, visibility""";

    private CredentialStore() {}

    /**
     * Inserts unless the same achievement was already issued to the recipient (or the key was used); true when inserted.
     * {@code requestedAt} and {@code signedAt} bound its time-to-issue (the operations figures).
     */
    static boolean insert(Handle h, IssuedCredential c, String emailHash, Idempotency idempotency, java.time.Instant requestedAt,
                          java.time.Instant signedAt) {
        return h.createUpdate("""
                        INSERT INTO credential (id, tenant_id, achievement_id, number, recipient_name, recipient_email_hash, recipient_email,
                                                document, document_text, status_list_id, status_index, issued_at, expires_at, idempotency_key,
                                                idempotency_request_sha256, requested_at, signed_at)
                        VALUES (:id, :tenant, :achievement, :number, :name, :emailHash, :email,
                                CAST(:document AS JSONB), :document, :list, :index, :issuedAt, :expiresAt, :idempotencyKey, :requestSha256,
                                :requestedAt, :signedAt)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("id", c.id()).bind("tenant", c.tenantId()).bind("achievement", c.achievementId()).bind("number", c.number())
                .bind("name", c.recipientName()).bind("emailHash", emailHash).bind("email", c.recipientEmail())
                .bind("document", c.documentText()).bind("list", c.statusListId()).bind("index", c.statusIndex())
                .bind("issuedAt", Timestamp.from(c.issuedAt())).bind("expiresAt", c.expiresAt() == null ? null : Timestamp.from(c.expiresAt()))
                .bind("idempotencyKey", idempotency == null ? null : idempotency.key())
                .bind("requestSha256", idempotency == null ? null : idempotency.requestSha256())
                .bind("requestedAt", Timestamp.from(requestedAt)).bind("signedAt", Timestamp.from(signedAt))
                .execute() == 1;
    }

    /** A credential to insert with what {@link #insert} takes besides it. */
    record NewRow(IssuedCredential credential, String emailHash, Idempotency idempotency, java.time.Instant requestedAt,
                  java.time.Instant signedAt) {}

    /**
     * Inserts the rows in one statement, skipping each one whose recipient already holds its achievement (or whose key was
     * used), by another transaction or by an earlier row of the same list; the ids of the rows inserted.
     */
    static java.util.Set<UUID> insertAll(Handle h, long tenantId, java.util.List<NewRow> rows) {
        if (rows.isEmpty()) {
            return java.util.Set.of();
        }
        int n = rows.size();
        java.util.List<UUID> ids = new java.util.ArrayList<>(n);
        java.util.List<Long> achievements = new java.util.ArrayList<>(n);
        java.util.List<Long> lists = new java.util.ArrayList<>(n);
        java.util.List<Integer> indexes = new java.util.ArrayList<>(n);
        java.util.List<String> numbers = new java.util.ArrayList<>(n);
        java.util.List<String> names = new java.util.ArrayList<>(n);
        java.util.List<String> hashes = new java.util.ArrayList<>(n);
        java.util.List<String> emails = new java.util.ArrayList<>(n);
        java.util.List<String> documents = new java.util.ArrayList<>(n);
        java.util.List<String> issued = new java.util.ArrayList<>(n);
        java.util.List<String> expires = new java.util.ArrayList<>(n);
        java.util.List<String> keys = new java.util.ArrayList<>(n);
        java.util.List<String> requestHashes = new java.util.ArrayList<>(n);
        java.util.List<String> requested = new java.util.ArrayList<>(n);
        java.util.List<String> signed = new java.util.ArrayList<>(n);
        for (NewRow row : rows) {
            IssuedCredential c = row.credential();
            ids.add(c.id());
            achievements.add(c.achievementId());
            lists.add(c.statusListId());
            indexes.add(c.statusIndex());
            numbers.add(c.number());
            names.add(c.recipientName());
            hashes.add(row.emailHash());
            emails.add(c.recipientEmail());
            documents.add(c.documentText());
            issued.add(c.issuedAt().toString());
            expires.add(c.expiresAt() == null ? null : c.expiresAt().toString());
            keys.add(row.idempotency() == null ? null : row.idempotency().key());
            requestHashes.add(row.idempotency() == null ? null : row.idempotency().requestSha256());
            requested.add(row.requestedAt().toString());
            signed.add(row.signedAt().toString());
        }
        // instants travel as ISO-8601 text (Jdbi binds no timestamp arrays); PostgreSQL reads them to the microsecond as a bound Timestamp is
        return h.createQuery("""
                        INSERT INTO credential (id, tenant_id, achievement_id, number, recipient_name, recipient_email_hash, recipient_email,
                                                document, document_text, status_list_id, status_index, issued_at, expires_at, idempotency_key,
                                                idempotency_request_sha256, requested_at, signed_at)
                        SELECT id, :tenant, achievement, number, name, hash, email, CAST(document AS JSONB), document, list, slot_index,
                               CAST(issued AS TIMESTAMPTZ), CAST(expires AS TIMESTAMPTZ), key, request_hash,
                               CAST(requested AS TIMESTAMPTZ), CAST(signed AS TIMESTAMPTZ)
                          FROM unnest(:ids, :achievements, :numbers, :names, :hashes, :emails, :documents, :lists, :indexes,
                                      :issued, :expires, :keys, :requestHashes, :requested, :signed)
                               WITH ORDINALITY AS r(id, achievement, number, name, hash, email, document, list, slot_index,
                                                    issued, expires, key, request_hash, requested, signed, n)
                         ORDER BY n
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .bind("tenant", tenantId)
                .bindArray("ids", UUID.class, ids).bindArray("achievements", Long.class, achievements)
                .bindArray("numbers", String.class, numbers).bindArray("names", String.class, names)
                .bindArray("hashes", String.class, hashes).bindArray("emails", String.class, emails)
                .bindArray("documents", String.class, documents).bindArray("lists", Long.class, lists)
                .bindArray("indexes", Integer.class, indexes).bindArray("issued", String.class, issued)
                .bindArray("expires", String.class, expires).bindArray("keys", String.class, keys)
                .bindArray("requestHashes", String.class, requestHashes).bindArray("requested", String.class, requested)
                .bindArray("signed", String.class, signed)
                .mapTo(UUID.class).collect(java.util.stream.Collectors.toSet());
    }

    /** A credential found for a batch: its row and the hash of the request that first used its key (null: no key, or none kept). */
    record Found(IssuedCredential credential, String idempotencyKey, String requestSha256, String emailHash) {}

    /**
     * The tenant's credentials issued under any of {@code keys}, or to any of the recipients ({@code achievementIds[i]},
     * {@code emailHashes[i]}): what a batch would replay. One query.
     */
    static java.util.List<Found> existing(Handle h, long tenantId, java.util.List<String> keys, java.util.List<Long> achievementIds,
                                          java.util.List<String> emailHashes) {
        return h.createQuery("SELECT " + COLUMNS + """
                             , idempotency_key, idempotency_request_sha256, recipient_email_hash
                          FROM credential
                         WHERE tenant_id = :tenant
                           AND idempotency_key = ANY(:keys)
                        UNION ALL
                        SELECT\s""" + COLUMNS + """
                             , idempotency_key, idempotency_request_sha256, recipient_email_hash
                          FROM credential
                         WHERE tenant_id = :tenant
                           AND (achievement_id, recipient_email_hash) IN (SELECT * FROM unnest(:achievements, :hashes))
                           AND superseded_by IS NULL
                        """)
                .bind("tenant", tenantId).bindArray("keys", String.class, keys)
                .bindArray("achievements", Long.class, achievementIds).bindArray("hashes", String.class, emailHashes)
                .map((rs, ctx) -> new Found(row(rs), rs.getString("idempotency_key"), rs.getString("idempotency_request_sha256"),
                        rs.getString("recipient_email_hash")))
                .list();
    }

    /** The recipient's current (not superseded) credential of the achievement, if any. */
    public static Optional<IssuedCredential> byRecipient(Handle h, long tenantId, long achievementId, String emailHash) {
        return h.createQuery("SELECT " + COLUMNS + """
                 FROM credential
                WHERE tenant_id = :tenant AND achievement_id = :achievement AND recipient_email_hash = :hash AND superseded_by IS NULL""")
                .bind("tenant", tenantId).bind("achievement", achievementId).bind("hash", emailHash)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    static Optional<IssuedCredential> byIdempotencyKey(Handle h, long tenantId, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM credential WHERE tenant_id = :tenant AND idempotency_key = :key")
                .bind("tenant", tenantId).bind("key", key).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The hash of the request that first used {@code key}; empty when unused, or used before hashes were kept. */
    static Optional<String> idempotencyRequestSha256(Handle h, long tenantId, String key) {
        return h.createQuery("SELECT idempotency_request_sha256 FROM credential WHERE tenant_id = :tenant AND idempotency_key = :key")
                .bind("tenant", tenantId).bind("key", key).mapTo(String.class).findOne();
    }

    public static Optional<IssuedCredential> byId(Handle h, long tenantId, UUID id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM credential WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** A tenant's credential by its id or its certificate number. */
    public static Optional<IssuedCredential> byIdOrNumber(Handle h, long tenantId, String idOrNumber) {
        try {
            return byId(h, tenantId, UUID.fromString(idOrNumber));
        } catch (IllegalArgumentException notUuid) {
            return CredentialNumber.parse(idOrNumber)
                    .flatMap(number -> byNumber(h, number.value()))
                    .filter(c -> c.tenantId() == tenantId);
        }
    }

    /** The public lookup: a certificate number is meant to be shown to anyone. */
    public static Optional<IssuedCredential> byNumber(Handle h, String number) {
        return h.createQuery("SELECT " + COLUMNS + " FROM credential WHERE number = :number")
                .bind("number", number).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The credential behind a public link, unless its recipient made it private. */
    public static Optional<IssuedCredential> publicByNumber(Handle h, String number) {
        return h.createQuery("SELECT " + COLUMNS + " FROM credential WHERE number = :number AND visibility = 'public'")
                .bind("number", number).map((rs, ctx) -> row(rs)).findOne();
    }

    /**
     * The listing's FROM and WHERE, shared by its pages and its export, built from only the filters the query has: the planner
     * then sees plain conditions it can serve from an index (the search from V50's trigram index), where one statement with
     * every filter as "CAST(:x AS …) IS NULL OR …" got one plan that scanned the tenant. Values stay bound parameters; the
     * tenant comes first.
     */
    record Where(String sql, java.util.Map<String, Object> binds, boolean matchesFirst) {
        static Where of(long tenantId, CredentialQuery query, java.time.Instant now) {
            StringBuilder sql = new StringBuilder(" FROM credential WHERE tenant_id = :tenant");
            java.util.Map<String, Object> binds = new java.util.LinkedHashMap<>();
            binds.put("tenant", tenantId);
            if (query.achievementId() != null) {
                sql.append(" AND achievement_id = :achievement");
                binds.put("achievement", query.achievementId());
            }
            if (query.status() != null) {
                // active and expired are both stored as 'active'; expiry tells them apart
                sql.append(" AND state = :state");
                binds.put("state", query.status().equals("expired") ? "active" : query.status());
                if (query.status().equals("expired")) {
                    sql.append(" AND expires_at IS NOT NULL AND expires_at <= :now");
                } else if (query.status().equals("active")) {
                    sql.append(" AND (expires_at IS NULL OR expires_at > :now)");
                }
            }
            if (query.issuedAfter() != null) {
                sql.append(" AND issued_at >= :issuedAfter");
                binds.put("issuedAfter", Timestamp.from(query.issuedAfter()));
            }
            if (query.issuedBefore() != null) {
                sql.append(" AND issued_at < :issuedBefore");
                binds.put("issuedBefore", Timestamp.from(query.issuedBefore()));
            }
            if (query.emailHash() != null) {
                sql.append(" AND recipient_email_hash = :emailHash");
                binds.put("emailHash", query.emailHash());
            }
            if (query.search() != null) {
                // a whole number as typed (any case, without hyphens) finds its credential; anything else is a substring, its
                // LIKE wildcards escaped with LIKE's default escape (a backslash), which pg_trgm's index reads as LIKE does
                Optional<String> number = CredentialNumber.parse(query.search()).map(CredentialNumber::value);
                sql.append(" AND (").append(number.isPresent() ? "number = :number OR " : "")
                        .append("recipient_name ILIKE :like OR recipient_email ILIKE :like OR number ILIKE :like)");
                number.ifPresent(n -> binds.put("number", n));
                binds.put("like", "%" + query.search().replaceAll("([\\\\%_])", "\\\\$1") + "%");
            }
            if (query.expiringWithinDays() != null) {
                sql.append(" AND state = 'active' AND superseded_by IS NULL AND expires_at >= :now AND expires_at < :expiringUntil");
                binds.put("expiringUntil", Timestamp.from(now.plus(java.time.Duration.ofDays(query.expiringWithinDays()))));
            }
            if (query.failedMail()) {
                sql.append(' ').append("""
                         AND id IN (
                            -- as the home page counts them: failed or bounced lately, and no later mail about the credential went out
                            SELECT m.credential_id FROM mail AS m
                             WHERE m.tenant_id = :tenant AND m.status IN ('failed', 'bounced') AND m.created_at >= :mailSince
                               AND NOT EXISTS (SELECT 1 FROM mail AS later WHERE later.tenant_id = m.tenant_id AND later.credential_id = m.credential_id
                                                  AND later.id > m.id AND later.status = 'sent'))""");
                binds.put("mailSince", Timestamp.from(now.minus(java.time.Duration.ofDays(30))));
            }
            if (sql.indexOf(":now") >= 0) {
                binds.put("now", Timestamp.from(now));
            }
            // expired, expiring and failed-mail credentials are few and mostly old: walking the newest-first index until a page of
            // them is found read 1.3 million rows (33 s) at 1.46 million, so their matches are collected first (by the expiry and
            // mail indexes) and sorted for the page; the cost grows with the matches, not with the tenant
            boolean matchesFirst = query.failedMail() || query.expiringWithinDays() != null || "expired".equals(query.status());
            return new Where(sql.toString(), java.util.Map.copyOf(binds), matchesFirst);
        }

        /** SELECT {@code columns} of the matches, {@code more} conditions added, ready for its ORDER BY. */
        String select(String columns, String more) {
            String select = "SELECT " + columns + sql + more;
            return matchesFirst ? "WITH matched AS MATERIALIZED (" + select + ") SELECT * FROM matched" : select;
        }
    }

    /**
     * Plans each listing statement with its values, never as one generic plan: the best plan depends on them (a search matching
     * nothing wants the trigram index, a common one the newest-first walk), and PostgreSQL may switch a server-prepared statement
     * to one plan for every value after five runs; for a rare search that plan read the whole tenant (51 s at 1.46 million).
     */
    private static final org.jdbi.v3.core.statement.StatementCustomizer PLANNED_WITH_VALUES = new org.jdbi.v3.core.statement.StatementCustomizer() {
        @Override
        public void beforeExecution(java.sql.PreparedStatement statement, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        }
    };

    /** One page of the tenant's credentials, newest first, as {@code query} selects them. */
    static java.util.List<IssuedCredential> list(Handle h, long tenantId, CredentialQuery query, java.time.Instant now) {
        Where where = Where.of(tenantId, query, now);
        String cursor = query.afterIssuedAt() == null ? "" : " AND (issued_at, id) < (:cursorAt, :cursorId)";
        org.jdbi.v3.core.statement.Query statement = h.createQuery(where.select(COLUMNS, cursor) + " ORDER BY issued_at DESC, id DESC LIMIT :limit")
                .bindMap(where.binds())
                .bind("limit", query.limit())
                .addCustomizer(PLANNED_WITH_VALUES);
        if (query.afterIssuedAt() != null) {
            statement.bind("cursorAt", Timestamp.from(query.afterIssuedAt())).bind("cursorId", query.afterId());
        }
        return statement.map((rs, ctx) -> row(rs)).list();
    }

    /**
     * Every credential the query's filters select (its page and cursor aside), newest first, handed to {@code each}
     * as PostgreSQL's cursor yields them {@code fetchSize} rows at a time: memory stays flat however many there are.
     * Call inside a transaction (without one, the driver reads every row first).
     */
    static void forEach(Handle h, long tenantId, CredentialQuery query, java.time.Instant now, int fetchSize,
                        java.util.function.Consumer<IssuedCredential> each) {
        Where where = Where.of(tenantId, query, now);
        h.createQuery(where.select(COLUMNS, "") + " ORDER BY issued_at DESC, id DESC")
                .bindMap(where.binds())
                .addCustomizer(PLANNED_WITH_VALUES)
                .setFetchSize(fetchSize)
                .map((rs, ctx) -> row(rs))
                .forEach(each);
    }

    public static void setState(Handle h, long tenantId, UUID id, String state, String reason) {
        h.createUpdate("UPDATE credential SET state = :state, state_reason = :reason WHERE tenant_id = :tenant AND id = :id")
                .bind("state", state).bind("reason", reason).bind("tenant", tenantId).bind("id", id).execute();
    }

    /** A row as its signed text has it: name and dates from the signature, never from an editable column ({@link SignedCopy}). */
    private static IssuedCredential row(ResultSet rs) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return SignedCopy.prefer(new IssuedCredential(rs.getObject("id", UUID.class), rs.getLong("tenant_id"), rs.getLong("achievement_id"), rs.getString("number"),
                rs.getString("recipient_name"), rs.getString("recipient_email"), rs.getString("document_text"), rs.getLong("status_list_id"),
                rs.getInt("status_index"), rs.getTimestamp("issued_at").toInstant(), expires == null ? null : expires.toInstant(),
                rs.getString("state"), rs.getString("state_reason"), rs.getString("visibility")));
    }

    /**
     * Locks the tenant's credential {@code previousId} and marks it superseded by {@code successorId} (not yet inserted: the
     * recipient's current credential must stop being current first); returns it as it was.
     *
     * @throws org.credence.domain.DomainException.NotFound when the tenant has no such credential
     * @throws org.credence.domain.DomainException.Conflict when it is revoked, suspended or already renewed
     */
    static IssuedCredential supersede(Handle h, long tenantId, UUID previousId, UUID successorId, java.time.Instant now) {
        IssuedCredential previous = h.createQuery("SELECT " + COLUMNS + " FROM credential WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .bind("tenant", tenantId).bind("id", previousId).map((rs, ctx) -> row(rs)).findOne()
                .orElseThrow(() -> new org.credence.domain.DomainException.NotFound(ErrorText.of("renewal.no_credential", "id", previousId)));
        if (!previous.state().equals("active")) {
            throw new org.credence.domain.DomainException.Conflict(
                    ErrorText.of("renewal.not_active", "number", previous.number(), "state", previous.state()));
        }
        h.createUpdate("""
                        UPDATE credential
                           SET state = 'superseded', superseded_by = :successor, superseded_at = :now
                         WHERE tenant_id = :tenant AND id = :id
                        """)
                .bind("successor", successorId).bind("now", Timestamp.from(now)).bind("tenant", tenantId).bind("id", previousId).execute();
        return previous;
    }

    /** Names {@code previous} as what the new credential {@code id} renews, in {@code previous}'s lineage. */
    static void joinLineage(Handle h, long tenantId, UUID id, IssuedCredential previous) {
        h.createUpdate("""
                        UPDATE credential
                           SET renews = :previous
                             , lineage_id = (SELECT coalesce(lineage_id, id) FROM credential WHERE tenant_id = :tenant AND id = :previous)
                         WHERE tenant_id = :tenant AND id = :id
                        """)
                .bind("previous", previous.id()).bind("tenant", tenantId).bind("id", id).execute();
    }
}
