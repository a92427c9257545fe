package org.credence.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.issuance.Issuance;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A person's outcome data, for the GDPR: everything stored about them (export) and its erasure.
 * A person is found by their e-mail address (hashed here, never kept) and by every source person id
 * linked to that address in {@code recipient_external_id}.
 *
 * <p>Erasure keeps aggregate history: what the person had earned is written to
 * {@code outcome_person_earning} first, then both keys are nulled and {@code erased_at} set. Their
 * enrolments, contacts and employment rows stay, attached to a person nobody can name any more.
 */
public final class OutcomePeople {
    /** The tables holding rows about a person, with the column naming them. */
    private static final List<String> PERSON_TABLES = List.of("lms_enrolment", "crm_contact", "hris_employee", "revenue_line");
    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final LongConsumer changed;

    public OutcomePeople(Jdbi jdbi, AuditTrail audit) {
        this(jdbi, audit, tenant -> {});
    }

    /** @param changed told the tenant id after an erasure committed (the outcome figures recompute off the request) */
    public OutcomePeople(Jdbi jdbi, AuditTrail audit, LongConsumer changed) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.changed = changed;
    }

    /**
     * Everything stored about the person with {@code email}: table name → rows as JSON texts
     * ({@code outcome_person}, {@code recipient_external_id}, their rows, and opportunities of their contacts).
     */
    public Map<String, List<String>> export(long tenantId, String email, String actor) {
        String hash = hash(email);
        return jdbi.inTransaction(h -> {
            List<Long> people = people(h, tenantId, hash);
            Map<String, List<String>> tables = new LinkedHashMap<>();
            tables.put("outcome_person", rows(h, "SELECT to_jsonb(p) - 'tenant_id' FROM outcome_person p WHERE p.tenant_id = :tenant AND p.id = ANY(:people)"
                    + " ORDER BY p.id", tenantId, hash, people));
            tables.put("recipient_external_id", rows(h, "SELECT to_jsonb(r) - 'tenant_id' FROM recipient_external_id r WHERE r.tenant_id = :tenant"
                    + " AND r.email_hash = :hash ORDER BY r.external_id", tenantId, hash, people));
            for (String table : PERSON_TABLES) {
                tables.put(table, rows(h, "SELECT to_jsonb(x) - 'tenant_id' FROM " + table + " x WHERE x.tenant_id = :tenant AND x.person_id = ANY(:people)"
                        + " ORDER BY x.source, x.source_id", tenantId, hash, people));
            }
            tables.put("crm_opportunity", rows(h, """
                    SELECT to_jsonb(o) - 'tenant_id' FROM crm_opportunity o
                    WHERE o.tenant_id = :tenant AND EXISTS (SELECT 1 FROM crm_contact c WHERE c.tenant_id = :tenant AND c.person_id = ANY(:people)
                                                             AND c.source = o.source AND c.source_id = o.contact_source_id)
                    ORDER BY o.source, o.source_id""", tenantId, hash, people));
            tables.put("outcome_person_earning", rows(h, "SELECT to_jsonb(e) - 'tenant_id' FROM outcome_person_earning e WHERE e.tenant_id = :tenant"
                    + " AND e.person_id = ANY(:people) ORDER BY e.person_id, e.achievement_id", tenantId, hash, people));
            audit.record(h, tenantId, actor, "outcomes.person.exported", "outcome_person:" + people, null, null);
            return tables;
        });
    }

    /**
     * Erases the person with {@code email}: returns how many person records were erased.
     *
     * @throws DomainException.NotFound when nothing is stored about that address
     */
    public int erase(long tenantId, String email, String actor) {
        String hash = hash(email);
        int count = jdbi.inTransaction(h -> {
            h.createQuery("SELECT pg_advisory_xact_lock(CAST(:tenant AS INTEGER), hashtext('outcome-import'))::text")
                    .bind("tenant", tenantId).mapTo(String.class).one();
            List<Long> people = people(h, tenantId, hash);
            int links = h.createUpdate("DELETE FROM recipient_external_id WHERE tenant_id = :tenant AND email_hash = :hash")
                    .bind("tenant", tenantId).bind("hash", hash).execute();
            if (people.isEmpty() && links == 0) {
                throw new DomainException.NotFound(ErrorText.of("imports.person_unknown"));
            }
            // what they earned, first, so earner/non-earner splits classify them as before
            h.createUpdate("""
                            INSERT INTO outcome_person_earning (tenant_id, person_id, achievement_id, first_issued_at)
                            SELECT :tenant, p.id, c.achievement_id, min(c.issued_at)
                            FROM unnest(CAST(:people AS BIGINT[])) AS p(id) JOIN credential c ON c.tenant_id = :tenant AND c.recipient_email_hash = :hash
                            GROUP BY p.id, c.achievement_id
                            ON CONFLICT DO NOTHING""")
                    .bind("tenant", tenantId).bind("hash", hash).bindArray("people", Long.class, people).execute();
            int erased = h.createUpdate("""
                            UPDATE outcome_person SET email_hash = NULL, external_id = NULL, erased_at = now()
                            WHERE tenant_id = :tenant AND id = ANY(:people)""")
                    .bind("tenant", tenantId).bindArray("people", Long.class, people).execute();
            // the audit names the person records, never the address or its hash
            audit.record(h, tenantId, actor, "outcomes.person.erased", "outcome_person:" + people, null,
                    new ObjectNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance).put("people", erased).put("externalIdLinks", links));
            return erased;
        });
        changed.accept(tenantId);
        return count;
    }

    private static String hash(String email) {
        String clean = email == null ? "" : email.strip();
        try {
            return Issuance.emailHash(ValueParser.email(clean));
        } catch (ValueParser.Invalid invalid) {
            throw new DomainException.InvalidInput("email", ErrorText.of("imports.person_email_missing"));
        }
    }

    /** The person records of an address: by its hash, and by each source person id linked to it. */
    private static List<Long> people(Handle h, long tenantId, String hash) {
        return h.createQuery("""
                        SELECT id FROM outcome_person WHERE tenant_id = :tenant AND email_hash = :hash
                        UNION
                        SELECT p.id FROM outcome_person p JOIN recipient_external_id r ON r.tenant_id = p.tenant_id AND r.external_id = p.external_id
                        WHERE p.tenant_id = :tenant AND r.email_hash = :hash
                        ORDER BY 1""")
                .bind("tenant", tenantId).bind("hash", hash).mapTo(Long.class).list();
    }

    private static List<String> rows(Handle h, String sql, long tenantId, String hash, List<Long> people) {
        var query = h.createQuery(sql).bind("tenant", tenantId);
        if (sql.contains(":hash")) {
            query.bind("hash", hash);
        }
        if (sql.contains(":people")) {
            query.bindArray("people", Long.class, people);
        }
        return query.mapTo(String.class).list();
    }
}
