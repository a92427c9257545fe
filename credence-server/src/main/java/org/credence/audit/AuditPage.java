package org.credence.audit;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.credence.app.AppBar;
import org.credence.domain.DomainException;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /app/audit}: the tenant's audit trail as a page, filtered by actor, action, object and period, newest first
 * in pages, with the check of its hash chain ({@link AuditChecks}); for users who may view the audit trail.
 */
public final class AuditPage {
    static final List<String> FILTERS = List.of("actor", "action", "subject", "from", "to");
    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * One entry as a row: the actor by name where it is a user, the action in words ({@code actionText}; the code stays in
     * {@code action}), the object as a credential number where it is one.
     */
    public record Row(long id, String at, String actor, String actorName, String action, String actionText, String subject, String subjectLabel,
                      String subjectHref, String before, String after) {}

    /** An action of the filter: its code (the value) and its words. */
    public record Action(String code, String text) {}

    /** The chain check as the page states it: {@code intact}, {@code broken} or {@code empty}, with its sentences. */
    public record Chain(String state, String text, String detail) {}

    private AuditPage() {}

    /**
     * @param wake     starts queued jobs now (the check of the whole chain the page's button queues)
     * @param subjects the credential numbers of {@code credential:<id>} subjects on a page (tenant, ids → number by id),
     *                 and the subject of a credential number typed as the object filter
     */
    public static void register(JavalinConfig config, AuditReader reader, AuditChecks checks, Sessions sessions, Subjects subjects,
                                Runnable wake) {
        config.routes.get("/app/audit", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_AUDIT);
            long tenant = signedIn.user().tenantId();
            String lang = language(ctx);
            Map<String, String> filters = new LinkedHashMap<>();
            for (String name : FILTERS) {
                String value = ctx.queryParam(name);
                if (value != null && !value.isBlank()) {
                    filters.put(name, value.strip());
                }
            }
            FormMessage problem = null;
            AuditReader.Page page;
            try {
                AuditQuery query = AuditQuery.from(name -> name.equals("before") ? ctx.queryParam("before") : resolved(filters, name, tenant, reader,
                        subjects), PAGE_SIZE);
                page = reader.search(tenant, query);
            } catch (DomainException refused) {
                problem = FormMessage.of(refused, lang);
                page = new AuditReader.Page(List.of(), 0);
            }
            ctx.status(problem == null ? 200 : problem.status())
                    .html(render(lang, signedIn, filters, page, reader, subjects, checks.status(tenant), problem, ctx.queryParam("before") != null,
                            "rechecked".equals(ctx.queryParam("notice"))));
        });
        config.routes.post("/app/audit/recheck", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_AUDIT); // checks the origin and the form's CSRF token
            checks.queueWhole(signedIn.user().tenantId(), signedIn.actor());
            wake.run();
            String lang = language(ctx);
            ctx.redirect("/app/audit?notice=rechecked" + (lang.equals("en") ? "" : "&lang=" + lang), HttpStatus.SEE_OTHER);
        });
    }

    /** Credential numbers for the subjects a page shows, and the subject a typed number stands for. */
    public interface Subjects {
        /** The numbers of the tenant's credentials among {@code ids}, by id. */
        Map<String, String> numbers(long tenantId, List<String> ids);

        /** {@code credential:<id>} for a credential number of the tenant, if {@code typed} is one. */
        Optional<String> subjectOf(long tenantId, String typed);
    }

    /** A filter as the query reads it: an e-mail address typed as the actor is that user; a credential number typed as the object is it. */
    private static String resolved(Map<String, String> filters, String name, long tenant, AuditReader reader, Subjects subjects) {
        String value = filters.get(name);
        if (value == null) {
            return null;
        }
        return switch (name) {
            case "actor" -> reader.actorOf(tenant, value);
            case "subject" -> subjects.subjectOf(tenant, value).orElse(value);
            default -> value;
        };
    }

    private static String render(String lang, SignedIn signedIn, Map<String, String> filters, AuditReader.Page page, AuditReader reader,
                                 Subjects subjects, AuditChecks.Status status, FormMessage problem, boolean paged, boolean rechecked) {
        Messages m = Messages.of("audit", lang);
        long tenant = signedIn.user().tenantId();
        Map<String, String> names = reader.actorNames(tenant, page.items().stream().map(AuditEntry::actor).distinct().toList());
        Map<String, String> numbers = subjects.numbers(tenant, page.items().stream().map(AuditEntry::subject)
                .filter(s -> s.startsWith("credential:")).map(s -> s.substring("credential:".length())).distinct().toList());
        String suffix = lang.equals("en") ? "" : "?lang=" + lang;
        List<Row> rows = page.items().stream().map(e -> {
            String number = e.subject().startsWith("credential:") ? numbers.get(e.subject().substring("credential:".length())) : null;
            return new Row(e.id(), MINUTE.format(e.at()), e.actor(), names.get(e.actor()), e.action(), actionText(m, e.action()), e.subject(),
                    number == null ? e.subject() : number, number == null ? null : "/app/credentials/" + number + suffix,
                    shortened(e.before()), shortened(e.after()));
        }).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", m.table());
        model.put("signedIn", signedIn);
        model.put("bar", AppBar.of(lang, signedIn, "/app/audit"));
        model.put("filters", filters);
        model.put("actions", reader.actions(tenant).stream().map(code -> new Action(code, actionText(m, code))).toList());
        model.put("rows", rows);
        model.put("problem", problem);
        model.put("chain", chain(m, status));
        model.put("notice", rechecked ? m.text("chain.rechecked") : "");
        model.put("older", page.hasMore() ? link(filters, Map.of("before", Long.toString(page.next())), lang) : "");
        model.put("newest", paged ? link(filters, Map.of(), lang) : "");
        return Pages.render("app/audit.jte", model);
    }

    /** A filter link: the page with these filters (and {@code more}), keeping the language. */
    public static String link(Map<String, String> filters, Map<String, String> more, String lang) {
        Map<String, String> all = new LinkedHashMap<>(filters);
        all.putAll(more);
        if (!lang.equals("en")) {
            all.put("lang", lang);
        }
        StringBuilder query = new StringBuilder();
        all.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return "/app/audit" + query;
    }

    private static Chain chain(Messages m, AuditChecks.Status status) {
        String queued = status.wholeQueued() ? " " + m.text("chain.queued") : "";
        String whole = status.wholeAt().map(at -> " " + m.format("chain.whole", Map.of("at", MINUTE.format(at)))).orElse("");
        if (status.broken().isPresent()) {
            AuditChain.Break b = status.broken().get();
            return new Chain("broken", m.format("chain.broken", Map.of("id", Long.toString(b.id()), "entries", Long.toString(status.entries()),
                    "at", MINUTE.format(status.checkedAt().orElseThrow()))) + queued,
                    m.format("chain.broken.detail", Map.of("expected", b.expected(), "found", b.found())));
        }
        String newer = status.unchecked() == 0 ? m.text("chain.uptodate")
                : m.format(status.uncheckedAtLeast() ? "chain.newer.many" : "chain.newer", Map.of("count", Long.toString(status.unchecked())));
        if (status.checkedAt().isEmpty()) {
            return new Chain("empty", m.text("chain.empty") + " " + newer + queued, "");
        }
        return new Chain("intact", m.format("chain.intact", Map.of("id", Long.toString(status.verifiedTo()), "entries", Long.toString(status.entries()),
                "at", MINUTE.format(status.checkedAt().get()))) + " " + newer + whole + queued, "");
    }

    /** The action's words in the page's language ({@code action.<code>}); an action no text names (an old entry's) as written. */
    public static String actionText(Messages m, String code) {
        return m.table().getOrDefault("action." + code, code);
    }

    // a page shows the gist of a change; the whole entry stays in the API's GET /api/v1/audit
    private static String shortened(String json) {
        if (json == null || json.equals("null")) {
            return "";
        }
        return json.length() <= 240 ? json : json.substring(0, 239) + "…";
    }

    private static String language(Context ctx) {
        return Pages.language(ctx, ctx.formParam("lang"));
    }
}
