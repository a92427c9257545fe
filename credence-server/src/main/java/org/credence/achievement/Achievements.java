package org.credence.achievement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiPredicate;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Credential templates: validated on the way in, always read within the caller's tenant. */
public final class Achievements {
    /** The kinds an achievement may be, in the order they are offered. */
    public static final List<String> KIND_NAMES = List.of("certificate", "certification", "badge", "diploma");
    /** The design of an achievement that names none (the column's default). */
    static final String DEFAULT_DESIGN = "classic";
    private static final Set<String> KINDS = Set.copyOf(KIND_NAMES);
    /** The longest course an achievement may state, in hours. */
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(10_000);
    /** The {@code details} column and the audit trail's copies: absent values left out, as the API shows them. */
    private static final ObjectMapper STORED = JsonFields.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final BiPredicate<Long, String> designExists;
    /** Moves after every committed edit of an achievement in this process: caches of achievements read again. */
    private final java.util.concurrent.atomic.AtomicLong edits = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param designExists whether a tenant may use a certificate design of that name (a built-in or its own)
     */
    public Achievements(Jdbi jdbi, AuditTrail audit, BiPredicate<Long, String> designExists) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.designExists = designExists;
    }

    /**
     * Creates an achievement, audited as {@code achievement.create}.
     *
     * @throws DomainException.InvalidInput naming the field at fault
     */
    public Achievement create(Caller caller, AchievementDraft typed) {
        Checked draft = check(caller, typed);
        Achievement made = jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO achievement (tenant_id, kind, name, description, criteria, details, design)
                            VALUES (:tenant, :kind, :name, :description, :criteria, CAST(:details AS JSONB), :design)
                            """)
                    .bind("tenant", caller.tenantId()).bind("kind", draft.kind).bind("name", draft.name).bind("design", draft.design)
                    .bind("description", draft.description).bind("criteria", draft.criteria).bind("details", draft.details)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Achievement created = find(h, caller.tenantId(), id).orElseThrow();
            audit.record(h, caller.tenantId(), caller.actor(), "achievement.create", "achievement:" + id, null, snapshot(created));
            return created;
        });
        edits.incrementAndGet();
        return made;
    }

    /** A counter that moves after every edit of an achievement committed by this process (for caches: read again). */
    public long edits() {
        return edits.get();
    }

    /**
     * Replaces an achievement (credentials already issued keep what they say), audited as {@code achievement.update}.
     *
     * @throws DomainException.InvalidInput naming the field at fault
     * @throws DomainException.NotFound when the tenant has no such achievement
     */
    public Achievement update(Caller caller, long id, AchievementDraft typed) {
        Checked draft = check(caller, typed);
        Achievement updated = jdbi.inTransaction(h -> {
            Achievement before = find(h, caller.tenantId(), id).orElseThrow(() -> notFound(id));
            h.createUpdate("""
                            UPDATE achievement
                               SET kind = :kind
                                 , name = :name
                                 , description = :description
                                 , criteria = :criteria
                                 , details = CAST(:details AS JSONB)
                                 , design = :design
                                 , updated_at = now()
                             WHERE tenant_id = :tenant
                               AND id = :id
                            """)
                    .bind("tenant", caller.tenantId()).bind("id", id).bind("kind", draft.kind).bind("name", draft.name).bind("design", draft.design)
                    .bind("description", draft.description).bind("criteria", draft.criteria).bind("details", draft.details)
                    .execute();
            Achievement after = find(h, caller.tenantId(), id).orElseThrow();
            if (!after.design().equals(before.design()) || !after.hours().equals(before.hours())) {
                // stored certificates were drawn with the old design or hours: they are drawn again on next request
                org.credence.document.StoredDocuments.forgetting(h, caller.tenantId());
                h.createUpdate("""
                                DELETE FROM credential_document
                                 WHERE tenant_id = :tenant
                                   AND kind LIKE 'certificate.%'
                                   AND credential_id IN (SELECT id FROM credential WHERE tenant_id = :tenant AND achievement_id = :id)
                                """).bind("tenant", caller.tenantId()).bind("id", id).execute();
            }
            audit.record(h, caller.tenantId(), caller.actor(), "achievement.update", "achievement:" + id, snapshot(before), snapshot(after));
            return after;
        });
        edits.incrementAndGet();
        return updated;
    }

    public Achievement get(long tenantId, long id) {
        return jdbi.withHandle(h -> find(h, tenantId, id)).orElseThrow(() -> notFound(id));
    }

    /** Every achievement of the tenant, archived ones too (analytics and reports keep their history). */
    public List<Achievement> list(long tenantId) {
        return list(tenantId, Listing.ALL);
    }

    /** The achievements offered for issuing: the pickers of the issue, bulk, course-mapping and pathway pages. */
    public List<Achievement> offered(long tenantId) {
        return list(tenantId, Listing.OFFERED);
    }

    /** Which achievements a list shows. */
    public enum Listing {
        /** not archived: the default of the API's and the app's lists */
        OFFERED,
        ARCHIVED,
        ALL;

        /** The listing named {@code active}, {@code archived} or {@code all} (null: active). */
        public static Listing named(String name) {
            return switch (name == null ? "active" : name) {
                case "active" -> OFFERED;
                case "archived" -> ARCHIVED;
                case "all" -> ALL;
                default -> throw new DomainException.InvalidInput("state", ErrorText.of("achievement.state_unknown", "state", name));
            };
        }
    }

    /** The tenant's achievements in {@code listing}, by id. */
    public List<Achievement> list(long tenantId, Listing listing) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                          FROM achievement
                         WHERE tenant_id = :tenant
                           AND (:listing = 'ALL' OR (archived_at IS NULL) = (:listing = 'OFFERED'))
                         ORDER BY id
                        """).bind("tenant", tenantId).bind("listing", listing.name()).map((rs, ctx) -> row(rs)).list());
    }

    static Optional<Achievement> find(Handle h, long tenantId, long id) {
        return h.createQuery("SELECT " + COLUMNS + """
                          FROM achievement
                         WHERE tenant_id = :tenant
                           AND id = :id
                        """).bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /**
     * Archives the achievement: no longer offered for issuing, renewal, course mappings or pathways, while every
     * credential already issued from it stays as it is. Audited as {@code achievement.archive}; archiving an archived
     * achievement changes nothing.
     *
     * @throws DomainException.NotFound when the tenant has no such achievement
     */
    public Achievement archive(Caller caller, long id) {
        return setArchived(caller, id, true);
    }

    /** Offers the archived achievement again, audited as {@code achievement.unarchive}; an offered one is left as it is. */
    public Achievement unarchive(Caller caller, long id) {
        return setArchived(caller, id, false);
    }

    private Achievement setArchived(Caller caller, long id, boolean archive) {
        Achievement changed = jdbi.inTransaction(h -> {
            Achievement before = find(h, caller.tenantId(), id).orElseThrow(() -> notFound(id));
            if (before.isArchived() == archive) {
                return before;
            }
            h.createUpdate("""
                            UPDATE achievement
                               SET archived_at = CASE WHEN :archive THEN now() END
                                 , archived_by = CASE WHEN :archive THEN :actor END
                             WHERE tenant_id = :tenant
                               AND id = :id
                            """)
                    .bind("archive", archive).bind("actor", caller.actor()).bind("tenant", caller.tenantId()).bind("id", id).execute();
            Achievement after = find(h, caller.tenantId(), id).orElseThrow();
            audit.record(h, caller.tenantId(), caller.actor(), archive ? "achievement.archive" : "achievement.unarchive", "achievement:" + id,
                    archiveState(before), archiveState(after));
            return after;
        });
        // an archived achievement is refused by the very next issuance of this process (its cache reads it again)
        edits.incrementAndGet();
        return changed;
    }

    private static JsonNode archiveState(Achievement a) {
        var node = JsonFields.MAPPER.createObjectNode().put("name", a.name());
        a.archived().ifPresentOrElse(archived -> node.put("archivedAt", archived.at().toString()).put("archivedBy", archived.by()),
                () -> node.putNull("archivedAt"));
        return node;
    }

    /**
     * The refusal of a new credential of an archived achievement (issuing, bulk rows, completions, pathways), on
     * {@code field}; nothing when the achievement is offered.
     */
    public static void requireOffered(Achievement achievement, String field) {
        if (achievement.isArchived()) {
            throw archived(field, achievement.id(), achievement.name());
        }
    }

    /** The refusal naming an archived achievement, on {@code field}. */
    public static DomainException archived(String field, long id, String name) {
        return new DomainException.InvalidInput(field, ErrorText.of("achievement.archived", "name", name, "id", id));
    }

    /** The tenant's archived achievements' names, by id (a bulk file's preview refuses their rows). */
    public static java.util.Map<Long, String> archivedNames(Handle h, long tenantId) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        h.createQuery("SELECT id, name FROM achievement WHERE tenant_id = :tenant AND archived_at IS NOT NULL").bind("tenant", tenantId)
                .map((rs, ctx) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        return names;
    }

    /** Whether the tenant's achievement {@code id} is archived (false for none). */
    public static boolean isArchived(Handle h, long tenantId, long id) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM achievement WHERE tenant_id = :tenant AND id = :id AND archived_at IS NOT NULL)")
                .bind("tenant", tenantId).bind("id", id).mapTo(Boolean.class).one();
    }

    private static final String COLUMNS = """
            id, tenant_id, kind, name, description, criteria, CAST(details AS TEXT) AS details, design, archived_at, archived_by
            """;

    private static Achievement row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Details d;
        try {
            d = STORED.readValue(rs.getString("details"), Details.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("achievement " + rs.getLong("id") + " has unreadable details", e);
        }
        return new Achievement(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("kind"), rs.getString("name"),
                rs.getString("description"), rs.getString("criteria"), d.alignments() == null ? List.of() : d.alignments(),
                d.tags() == null ? List.of() : d.tags(), d.validityDays() == null ? OptionalInt.empty() : OptionalInt.of(d.validityDays()),
                Optional.ofNullable(d.passMark()), Optional.ofNullable(d.programUrl()), Optional.ofNullable(d.image()), rs.getString("design"),
                Optional.ofNullable(d.hours()), rs.getTimestamp("archived_at") == null ? Optional.empty()
                        : Optional.of(new Achievement.Archived(rs.getTimestamp("archived_at").toInstant(), rs.getString("archived_by"))));
    }

    private static DomainException notFound(long id) {
        return new DomainException.NotFound(ErrorText.of("achievement.not_found", "id", id));
    }

    /** The audit trail's copy of an achievement: the fields the API shows, absent ones left out. */
    private static JsonNode snapshot(Achievement a) {
        return STORED.valueToTree(new Snapshot(a.id(), a.kind(), a.name(), a.description(), a.criteria(), a.alignments(), a.tags(),
                a.validityDays().isPresent() ? a.validityDays().getAsInt() : null, a.programUrl().orElse(null), a.image().orElse(null),
                a.passMark().orElse(null), a.design(), a.hours().orElse(null)));
    }

    private record Snapshot(long id, String kind, String name, String description, String criteria, List<Achievement.Alignment> alignments,
                            List<String> tags, Integer validityDays, String programUrl, String image, BigDecimal passMark, String design,
                            BigDecimal hours) {}

    /** The {@code details} column: everything but the fields with columns of their own. */
    private record Details(List<Achievement.Alignment> alignments, List<String> tags, Integer validityDays, String programUrl, String image,
                           BigDecimal passMark, BigDecimal hours) {}

    /** The draft checked, with a design the caller's tenant may use, and its details as the column stores them. */
    private Checked check(Caller caller, AchievementDraft draft) {
        Checked checked = Checked.of(draft);
        if (!designExists.test(caller.tenantId(), checked.design)) {
            throw new DomainException.InvalidInput("design", ErrorText.of("achievement.design_unknown", "design", checked.design));
        }
        return checked;
    }

    /** A checked achievement, its details as JSON text for the column. */
    private record Checked(String kind, String name, String description, String criteria, String details, String design) {
        static Checked of(AchievementDraft d) {
            String kind = required("kind", d.kind(), 20);
            if (!KINDS.contains(kind)) {
                throw new DomainException.InvalidInput("kind", ErrorText.of("achievement.kind_invalid"));
            }
            List<Achievement.Alignment> alignments = new ArrayList<>();
            for (Achievement.Alignment a : d.alignments()) {
                String name = required("alignments.targetName", a.targetName(), 300);
                String url = required("alignments.targetUrl", a.targetUrl(), 2000);
                requireHttpUrl("alignments.targetUrl", url);
                String framework = optional("alignments.targetFramework", a.targetFramework(), 300);
                alignments.add(new Achievement.Alignment(name, url, framework));
            }
            List<String> tags = new ArrayList<>();
            for (String tag : d.tags()) {
                if (tag == null || tag.isBlank() || tag.length() > 100) {
                    throw new DomainException.InvalidInput("tags", ErrorText.of("achievement.tag_invalid"));
                }
                tags.add(tag);
            }
            if (d.validityDays() != null && (d.validityDays() < 1 || d.validityDays() > 36500)) {
                throw new DomainException.InvalidInput("validityDays", ErrorText.of("achievement.validity_invalid"));
            }
            if (d.passMark() != null && (d.passMark().signum() < 0 || d.passMark().compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw new DomainException.InvalidInput("passMark", ErrorText.of("achievement.pass_mark_invalid"));
            }
            // 7.50 is kept as 7.5 and 100.0 as 100: the certificate shows the number as a person would write it
            BigDecimal hours = d.hours() == null ? null : d.hours().stripTrailingZeros();
            hours = hours != null && hours.scale() < 0 ? hours.setScale(0) : hours;
            if (hours != null && (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.scale() > 2)) {
                throw new DomainException.InvalidInput("hours", ErrorText.of("achievement.hours_range"));
            }
            String programUrl = optional("programUrl", d.programUrl(), 2000);
            String image = optional("image", d.image(), 2000);
            for (String[] url : new String[][] {{"programUrl", programUrl}, {"image", image}}) {
                if (url[1] != null) {
                    requireHttpUrl(url[0], url[1]);
                }
            }
            String name = required("name", d.name(), 200);
            String description = required("description", d.description(), 5000);
            String criteria = required("criteria", d.criteria(), 10000);
            String design = optional("design", d.design(), 40);
            String details;
            try {
                details = STORED.writeValueAsString(new Details(alignments, tags, d.validityDays(), programUrl, image, d.passMark(), hours));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("achievement details cannot be written", e);
            }
            return new Checked(kind, name, description, criteria, details, design == null ? DEFAULT_DESIGN : design);
        }

        private static String required(String field, String value, int maxLength) {
            String text = optional(field, value, maxLength);
            if (text == null) {
                throw new DomainException.InvalidInput(field, ErrorText.of("achievement.field_required", "field", field));
            }
            return text;
        }

        /** The text stripped; null when absent or blank. */
        private static String optional(String field, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.length() > maxLength) {
                throw new DomainException.InvalidInput(field, ErrorText.of("achievement.field_too_long", "field", field, "max", maxLength));
            }
            return value.strip();
        }

        private static void requireHttpUrl(String field, String url) {
            if (!url.matches("https?://[^\\s<>\"]+")) {
                throw new DomainException.InvalidInput(field, ErrorText.of("achievement.field_not_url", "field", field));
            }
        }
    }
}
