package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.json.JsonFields;
import org.jdbi.v3.core.Jdbi;

/**
 * Support load: how many support tickets about credentials a tenant had per day and channel, typed
 * in or imported as CSV. A new count for a day and channel replaces the old one; the audit trail
 * keeps both.
 */
public final class SupportTickets {
    /** At most this many rows per import. */
    static final int MAX_ROWS = 10_000;
    private static final String CHANNEL = "[a-z0-9_-]{1,40}";

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public SupportTickets(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** One day's tickets on one channel ({@code email}, {@code phone}, {@code chat} …). */
    public record Count(LocalDate day, String channel, int tickets) {}

    /** What was recorded, with the previous count of each row that replaced one. */
    public record Recorded(int rows, int replaced) {}

    /** Records counts, each checked ({@code field} of the first bad one named with its row number); all or none. */
    public Recorded record(long tenantId, String actor, List<Count> counts) {
        if (counts.isEmpty() || counts.size() > MAX_ROWS) {
            throw new DomainException.InvalidInput("entries", ErrorText.of("tickets.count_range", "max", MAX_ROWS));
        }
        LocalDate latest = LocalDate.now(clock);
        for (int i = 0; i < counts.size(); i++) {
            Count c = counts.get(i);
            // the row is named only when there are several ("none" picks the bundle text without it)
            String row = counts.size() == 1 ? "none" : String.valueOf(i + 1);
            if (c.day() == null || c.day().isAfter(latest) || c.day().isBefore(LocalDate.of(1970, 1, 1))) {
                throw new DomainException.InvalidInput("date", ErrorText.of("tickets.date_invalid", "row", row));
            }
            if (c.channel() == null || !c.channel().matches(CHANNEL)) {
                throw new DomainException.InvalidInput("channel", ErrorText.of("tickets.channel_invalid", "row", row));
            }
            if (c.tickets() < 0) {
                throw new DomainException.InvalidInput("count", ErrorText.of("tickets.count_negative", "row", row));
            }
        }
        return jdbi.inTransaction(h -> {
            int replaced = 0;
            for (Count c : counts) {
                Optional<Integer> before = h.createQuery("""
                                SELECT tickets FROM support_ticket_count WHERE tenant_id = :tenant AND day = :day AND channel = :channel FOR UPDATE""")
                        .bind("tenant", tenantId).bind("day", Date.valueOf(c.day())).bind("channel", c.channel()).mapTo(Integer.class).findOne();
                h.createUpdate("""
                                INSERT INTO support_ticket_count (tenant_id, day, channel, tickets, entered_by, entered_at)
                                VALUES (:tenant, :day, :channel, :tickets, :by, :at)
                                ON CONFLICT (tenant_id, day, channel) DO UPDATE
                                   SET tickets = EXCLUDED.tickets, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at""")
                        .bind("tenant", tenantId).bind("day", Date.valueOf(c.day())).bind("channel", c.channel()).bind("tickets", c.tickets())
                        .bind("by", actor).bind("at", Timestamp.from(clock.instant())).execute();
                if (before.isPresent()) {
                    replaced++;
                }
                audit.record(h, tenantId, actor, "support_tickets.set", "support_tickets:" + c.day() + ":" + c.channel(),
                        before.map(n -> json(c.day(), c.channel(), n)).orElse(null), json(c.day(), c.channel(), c.tickets()));
            }
            return new Recorded(counts.size(), replaced);
        });
    }

    /** The tenant's counts in [from, to), oldest first. */
    public List<Count> list(long tenantId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT day, channel, tickets FROM support_ticket_count
                         WHERE tenant_id = :tenant AND day >= :from AND day < :to ORDER BY day, channel""")
                .bind("tenant", tenantId).bind("from", Date.valueOf(from)).bind("to", Date.valueOf(to))
                .map((rs, ctx) -> new Count(rs.getDate("day").toLocalDate(), rs.getString("channel"), rs.getInt("tickets"))).list());
    }

    /**
     * Reads CSV lines {@code date,count,channel} (a header line naming them is skipped); an
     * unreadable line is an error naming its line number.
     */
    public static List<Count> parseCsv(String text) {
        List<Count> counts = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("date"))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                throw new DomainException.InvalidInput("line " + (i + 1), ErrorText.of("tickets.line_fields", "line", (i + 1)));
            }
            try {
                counts.add(new Count(LocalDate.parse(cells[0].strip()), cells[2].strip().toLowerCase(java.util.Locale.ROOT),
                        Integer.parseInt(cells[1].strip())));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new DomainException.InvalidInput("line " + (i + 1), ErrorText.of("tickets.line_values", "line", (i + 1)));
            }
            if (counts.size() > MAX_ROWS) {
                throw new DomainException.InvalidInput("entries", ErrorText.of("tickets.too_many_lines", "max", MAX_ROWS));
            }
        }
        return counts;
    }

    private static ObjectNode json(LocalDate day, String channel, int tickets) {
        return JsonFields.MAPPER.createObjectNode().put("date", day.toString()).put("channel", channel).put("count", tickets);
    }
}
