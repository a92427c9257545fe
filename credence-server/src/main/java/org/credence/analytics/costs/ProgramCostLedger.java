package org.credence.analytics.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A tenant's program-cost ledger: what running the credential program cost, per achievement or for
 * the whole program. Append-only: a correction or a void adds a version of the line, so every
 * earlier state stays readable, and every change is recorded in the audit trail in the same
 * transaction. {@link #total} gives the fully loaded cost of a period, by category.
 */
public final class ProgramCostLedger {
    /** The largest amount, hours or rate a line takes: a typo guard, far above any real program's line. */
    static final BigDecimal MAX = new BigDecimal("1000000000");
    /** The currency of money figures when the ledger has none yet. */
    public static final String DEFAULT_CURRENCY = "EUR";
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final String COLUMNS = """
            entry_id, version, achievement_id, category, incurred_on, incurred_until, amount, currency, hours, hourly_rate,
            note, owner, created_at, change, reason""";

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public ProgramCostLedger(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a cost line entered by {@code actor}; returns its first version. */
    public CostLine create(long tenantId, String actor, CostDraft draft) {
        return jdbi.inTransaction(h -> {
            CostDraft checked = check(h, tenantId, draft);
            long id = h.createQuery("SELECT nextval('program_cost_entry_seq')").mapTo(Long.class).one();
            CostLine line = insert(h, tenantId, id, 1, checked, actor, "created", null);
            audit.record(h, tenantId, actor, "program_cost.create", subject(id), null, CostJson.line(line));
            return line;
        });
    }

    /** Corrects a line: a new version with the corrected values and the reason; the old version stays. */
    public CostLine correct(long tenantId, String actor, long id, CostDraft draft, String reason) {
        String why = reason(reason);
        return jdbi.inTransaction(h -> {
            CostLine before = currentForUpdate(h, tenantId, id);
            if (before.voided()) {
                throw new DomainException.Conflict(ErrorText.of("costs.line_void_edit", "id", id));
            }
            CostLine line = insert(h, tenantId, id, before.version() + 1, check(h, tenantId, draft), actor, "corrected", why);
            audit.record(h, tenantId, actor, "program_cost.correct", subject(id), CostJson.line(before), CostJson.line(line));
            return line;
        });
    }

    /** Voids a line with a reason: it stays in the ledger and its history, and counts for nothing. */
    public CostLine voidLine(long tenantId, String actor, long id, String reason) {
        String why = reason(reason);
        return jdbi.inTransaction(h -> {
            CostLine before = currentForUpdate(h, tenantId, id);
            if (before.voided()) {
                throw new DomainException.Conflict(ErrorText.of("costs.line_void_already", "id", id));
            }
            CostDraft same = new CostDraft(before.achievementId(), before.category(), before.incurredOn(), before.incurredUntil(),
                    before.amount(), before.currency(), before.hours(), before.hourlyRate(), before.note());
            CostLine line = insert(h, tenantId, id, before.version() + 1, same, actor, "voided", why);
            audit.record(h, tenantId, actor, "program_cost.void", subject(id), CostJson.line(before), CostJson.line(line));
            return line;
        });
    }

    /** A line's current version. */
    public CostLine get(long tenantId, long id) {
        return jdbi.withHandle(h -> current(h, tenantId, id));
    }

    /** Every version of a line, oldest first. */
    public List<CostLine> history(long tenantId, long id) {
        List<CostLine> versions = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM program_cost WHERE tenant_id = :tenant AND entry_id = :id ORDER BY version")
                .bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> line(rs)).list());
        if (versions.isEmpty()) {
            throw notFound(id);
        }
        return versions;
    }

    /**
     * The current version of every line touching [from, to) (either bound may be null: open),
     * voided ones included, newest incurred first; only {@code achievementId}'s lines when given.
     */
    public List<CostLine> lines(long tenantId, LocalDate from, LocalDate to, OptionalLong achievementId) {
        return lines(tenantId, from, to, achievementId, Integer.MAX_VALUE);
    }

    /** As {@link #lines(long, LocalDate, LocalDate, OptionalLong)}, at most {@code limit} of them: a page reads a bounded list. */
    public List<CostLine> lines(long tenantId, LocalDate from, LocalDate to, OptionalLong achievementId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM (SELECT DISTINCT ON (entry_id) * FROM program_cost WHERE tenant_id = :tenant ORDER BY entry_id, version DESC) AS c
                        WHERE (CAST(:from AS DATE) IS NULL OR coalesce(incurred_until, incurred_on) >= :from)
                          AND (CAST(:to AS DATE) IS NULL OR incurred_on < :to)
                          AND (CAST(:achievement AS BIGINT) IS NULL OR achievement_id = :achievement)
                        ORDER BY incurred_on DESC, entry_id DESC
                        LIMIT :limit""")
                .bind("limit", limit).bind("tenant", tenantId).bind("from", from == null ? null : Date.valueOf(from)).bind("to", to == null ? null : Date.valueOf(to))
                .bind("achievement", achievementId.isPresent() ? achievementId.getAsLong() : null)
                .map((rs, ctx) -> line(rs)).list());
    }

    /**
     * The fully loaded cost of [from, to): every current, unvoided line of the tenant (or of one
     * achievement), a line spread over several days counted with the share of its days inside the
     * period, by currency and category.
     */
    public CostTotals total(long tenantId, LocalDate from, LocalDate to, OptionalLong achievementId) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new DomainException.InvalidInput("to", ErrorText.of("costs.period_order"));
        }
        Map<String, Map<CostCategory, BigDecimal>> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CostLine line : lines(tenantId, from, to, achievementId)) {
            if (line.voided()) {
                continue;
            }
            BigDecimal share = share(line, from, to);
            sums.computeIfAbsent(line.currency(), c -> zeroes()).merge(line.category(), share, BigDecimal::add);
            counts.merge(line.currency(), 1, Integer::sum);
        }
        List<CostTotals.CurrencyTotal> totals = new ArrayList<>();
        sums.keySet().stream().sorted().forEach(currency -> {
            Map<CostCategory, BigDecimal> rounded = new EnumMap<>(CostCategory.class);
            sums.get(currency).forEach((category, sum) -> rounded.put(category, sum.setScale(2, RoundingMode.HALF_EVEN)));
            BigDecimal total = sums.get(currency).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
            totals.add(new CostTotals.CurrencyTotal(currency, total, rounded, counts.get(currency)));
        });
        return new CostTotals(from, to, achievementId.isPresent() ? achievementId.getAsLong() : null, totals);
    }

    /** The part of a line's amount in [from, to): its amount × the share of its days inside. */
    static BigDecimal share(CostLine line, LocalDate from, LocalDate to) {
        LocalDate first = line.incurredOn().isAfter(from) ? line.incurredOn() : from;
        LocalDate end = line.lastDay().plusDays(1).isBefore(to) ? line.lastDay().plusDays(1) : to;
        long inside = Math.max(0, ChronoUnit.DAYS.between(first, end));
        long days = ChronoUnit.DAYS.between(line.incurredOn(), line.lastDay()) + 1;
        if (inside == days) {
            return line.amount();
        }
        return line.amount().multiply(BigDecimal.valueOf(inside)).divide(BigDecimal.valueOf(days), 10, RoundingMode.HALF_EVEN);
    }

    /** The currency most of the tenant's current lines are in; empty for an empty ledger. */
    public java.util.Optional<String> mainCurrency(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT currency FROM (SELECT DISTINCT ON (entry_id) currency, change FROM program_cost WHERE tenant_id = :tenant
                                               ORDER BY entry_id, version DESC) AS c
                         WHERE change <> 'voided' GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1""")
                .bind("tenant", tenantId).mapTo(String.class).findOne());
    }

    private CostDraft check(Handle h, long tenantId, CostDraft draft) {
        if (draft.category() == null) {
            throw new DomainException.InvalidInput("category", ErrorText.of("costs.category_required", "categories", categories()));
        }
        if (draft.incurredOn() == null) {
            throw new DomainException.InvalidInput("incurredOn", ErrorText.of("costs.incurred_on_required"));
        }
        LocalDate latest = LocalDate.now(clock).plusYears(5);
        if (draft.incurredOn().isBefore(EARLIEST) || draft.incurredOn().isAfter(latest)) {
            throw new DomainException.InvalidInput("incurredOn", ErrorText.of("costs.incurred_on_range", "latest", latest));
        }
        if (draft.incurredUntil() != null && (draft.incurredUntil().isBefore(draft.incurredOn()) || draft.incurredUntil().isAfter(latest))) {
            throw new DomainException.InvalidInput("incurredUntil", ErrorText.of("costs.incurred_until_range", "latest", latest));
        }
        String currency = draft.currency() == null ? null : draft.currency().strip();
        if (currency == null || !currency.matches("[A-Z]{3}") || Currency.getAvailableCurrencies().stream().noneMatch(c -> c.getCurrencyCode().equals(currency))) {
            throw new DomainException.InvalidInput("currency", ErrorText.of("costs.currency_invalid"));
        }
        String note = draft.note() == null ? "" : draft.note().strip();
        if (note.length() > 1000) {
            throw new DomainException.InvalidInput("note", ErrorText.of("costs.note_too_long"));
        }
        if (draft.achievementId() != null && h.createQuery("SELECT count(*) FROM achievement WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId).bind("id", draft.achievementId()).mapTo(Long.class).one() == 0) {
            throw new DomainException.NotFound(ErrorText.of("achievement.not_found", "id", draft.achievementId()));
        }
        BigDecimal amount;
        BigDecimal hours = null;
        BigDecimal rate = null;
        if (draft.category() == CostCategory.STAFF) {
            hours = bounded("hours", draft.hours(), ErrorText.of("costs.hours_required"), false);
            rate = bounded("hourlyRate", draft.hourlyRate(), ErrorText.of("costs.rate_required"), true);
            if (draft.amount() != null && draft.amount().compareTo(hours.multiply(rate).setScale(2, RoundingMode.HALF_EVEN)) != 0) {
                throw new DomainException.InvalidInput("amount", ErrorText.of("costs.staff_amount"));
            }
            hours = hours.setScale(2, RoundingMode.HALF_EVEN);
            rate = rate.setScale(2, RoundingMode.HALF_EVEN);
            amount = hours.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
        } else {
            if (draft.hours() != null || draft.hourlyRate() != null) {
                throw new DomainException.InvalidInput("hours", ErrorText.of("costs.hours_staff_only"));
            }
            amount = bounded("amount", draft.amount(), ErrorText.of("costs.amount_required"), true).setScale(2, RoundingMode.HALF_EVEN);
        }
        return new CostDraft(draft.achievementId(), draft.category(), draft.incurredOn(), draft.incurredUntil(), amount, currency, hours, rate, note);
    }

    private static BigDecimal bounded(String field, BigDecimal value, ErrorText missing, boolean zeroAllowed) {
        if (value == null || value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            throw new DomainException.InvalidInput(field, missing);
        }
        if (value.compareTo(MAX) > 0) {
            throw new DomainException.InvalidInput(field, ErrorText.of("costs.too_large", "field", field));
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new DomainException.InvalidInput(field, ErrorText.of("costs.decimals", "field", field));
        }
        return value;
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new DomainException.InvalidInput("reason", ErrorText.of("costs.reason_required"));
        }
        return why;
    }

    private CostLine insert(Handle h, long tenantId, long id, int version, CostDraft d, String actor, String change, String reason) {
        return h.createQuery("""
                        INSERT INTO program_cost (tenant_id, entry_id, version, achievement_id, category, incurred_on, incurred_until,
                                                  amount, currency, hours, hourly_rate, note, owner, created_at, change, reason)
                        VALUES (:tenant, :id, :version, :achievement, :category, :on, :until, :amount, :currency, :hours, :rate,
                                :note, :owner, :at, :change, :reason)
                        RETURNING\s""" + COLUMNS)
                .bind("tenant", tenantId).bind("id", id).bind("version", version).bind("achievement", d.achievementId())
                .bind("category", d.category().id()).bind("on", Date.valueOf(d.incurredOn()))
                .bind("until", d.incurredUntil() == null ? null : Date.valueOf(d.incurredUntil()))
                .bind("amount", d.amount()).bind("currency", d.currency()).bind("hours", d.hours()).bind("rate", d.hourlyRate())
                .bind("note", d.note()).bind("owner", actor).bind("at", Timestamp.from(clock.instant())).bind("change", change)
                .bind("reason", reason)
                .map((rs, ctx) -> line(rs)).one();
    }

    private CostLine currentForUpdate(Handle h, long tenantId, long id) {
        // the first version's row lock serialises two corrections of one line, so their version numbers never collide
        h.createQuery("SELECT id FROM program_cost WHERE tenant_id = :tenant AND entry_id = :id AND version = 1 FOR UPDATE")
                .bind("tenant", tenantId).bind("id", id).mapTo(Long.class).findOne().orElseThrow(() -> notFound(id));
        return current(h, tenantId, id);
    }

    private static CostLine current(Handle h, long tenantId, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM program_cost WHERE tenant_id = :tenant AND entry_id = :id ORDER BY version DESC LIMIT 1")
                .bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> line(rs)).findOne().orElseThrow(() -> notFound(id));
    }

    private static CostLine line(ResultSet rs) throws SQLException {
        long achievement = rs.getLong("achievement_id");
        Long achievementId = rs.wasNull() ? null : achievement;
        Date until = rs.getDate("incurred_until");
        return new CostLine(rs.getLong("entry_id"), rs.getInt("version"), achievementId,
                CostCategory.parse(rs.getString("category")).orElseThrow(), rs.getDate("incurred_on").toLocalDate(),
                until == null ? null : until.toLocalDate(), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getBigDecimal("hours"), rs.getBigDecimal("hourly_rate"), rs.getString("note"), rs.getString("owner"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("change"), rs.getString("reason"));
    }

    private static Map<CostCategory, BigDecimal> zeroes() {
        Map<CostCategory, BigDecimal> zero = new EnumMap<>(CostCategory.class);
        for (CostCategory category : CostCategory.values()) {
            zero.put(category, BigDecimal.ZERO);
        }
        return zero;
    }

    private static String subject(long id) {
        return "program_cost:" + id;
    }

    private static List<String> categories() {
        return List.of(CostCategory.values()).stream().map(CostCategory::id).toList();
    }

    private static DomainException notFound(long id) {
        return new DomainException.NotFound(ErrorText.of("costs.line_not_found", "id", id));
    }
}
