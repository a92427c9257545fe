package org.credence.survey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.delivery.Delivery;
import org.credence.delivery.Tokens;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.issuance.Issuance;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Post-completion surveys: each achievement's survey (saved and audited), the invitation of a seeded random
 * sample of non-completers, the public form behind a link, and the results.
 */
public final class Surveys {
    static final int MAX_ITEMS = 20;
    static final int MAX_LABEL = 300;
    static final int MAX_TEXT_ANSWER = 2000;
    static final int MAX_SAMPLE = 10_000;
    private static final Pattern ITEM_ID = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private final Jdbi jdbi;
    private final Achievements achievements;
    private final AuditTrail audit;
    private final Delivery delivery;
    private final Clock clock;

    public Surveys(Jdbi jdbi, Achievements achievements, AuditTrail audit, Delivery delivery, Clock clock) {
        this.jdbi = jdbi;
        this.achievements = achievements;
        this.audit = audit;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** The achievement's survey, or its unsaved defaults; the achievement must be the tenant's. */
    public Survey get(long tenantId, long achievementId) {
        achievements.get(tenantId, achievementId);
        return jdbi.withHandle(h -> SurveyStore.find(h, tenantId, achievementId)).orElse(Survey.defaults(achievementId));
    }

    /** The tenant's saved surveys. */
    public List<Survey> list(long tenantId) {
        return jdbi.withHandle(h -> SurveyStore.all(h, tenantId));
    }

    /** Saves the survey as given (after checking it), audited with what it replaced. */
    public Survey save(long tenantId, String actor, Survey input) {
        achievements.get(tenantId, input.achievementId());
        Survey checked = check(input, actor, clock.instant());
        return jdbi.inTransaction(h -> {
            ObjectNode before = SurveyStore.find(h, tenantId, input.achievementId()).map(SurveyJson::of).orElse(null);
            SurveyStore.upsert(h, tenantId, checked, false);
            audit.record(h, tenantId, actor, "survey.update", "achievement:" + input.achievementId(), before, SurveyJson.of(checked));
            return SurveyStore.find(h, tenantId, input.achievementId()).orElseThrow();
        });
    }

    /** Saves a simulated survey (the demo), unaudited. */
    public void saveSimulated(Handle h, long tenantId, Survey survey) {
        SurveyStore.upsert(h, tenantId, check(survey, survey.updatedBy(), survey.updatedAt()), true);
    }

    private static Survey check(Survey s, String actor, Instant now) {
        if (s.waveMonths().isEmpty() || s.waveMonths().size() > 6 || s.waveMonths().stream().anyMatch(m -> m == null || m < 1 || m > 60)) {
            throw new DomainException.InvalidInput("waveMonths", ErrorText.of("survey.waves_invalid"));
        }
        if (s.reminderDays() < 1 || s.reminderDays() > 90) {
            throw new DomainException.InvalidInput("reminderDays", ErrorText.of("survey.reminder_invalid"));
        }
        if (s.openDays() < 7 || s.openDays() > 180 || s.openDays() <= s.reminderDays()) {
            throw new DomainException.InvalidInput("openDays", ErrorText.of("survey.open_invalid"));
        }
        if (s.currency() == null || !s.currency().matches("[A-Z]{3}")) {
            throw new DomainException.InvalidInput("currency", ErrorText.of("survey.currency_invalid"));
        }
        if (s.items().size() > MAX_ITEMS) {
            throw new DomainException.InvalidInput("items", ErrorText.of("survey.too_many_items", "max", MAX_ITEMS));
        }
        List<SurveyItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (SurveyItem item : s.items()) {
            String id = item.id() == null || item.id().isBlank() ? "c" + (items.size() + 1) : item.id();
            if (!ITEM_ID.matcher(id).matches() || !ids.add(id)) {
                throw new DomainException.InvalidInput("items", ErrorText.of("survey.item_id_invalid", "id", id));
            }
            if (!SurveyItem.TYPES.contains(item.type())) {
                throw new DomainException.InvalidInput("items", ErrorText.of("survey.item_type_invalid", "id", id, "types", SurveyItem.TYPES));
            }
            requireBothLanguages(id, item.label());
            if (item.type().equals("choice") ? item.options().size() < 2 || item.options().size() > 10 : !item.options().isEmpty()) {
                throw new DomainException.InvalidInput("items", ErrorText.of("survey.item_options_invalid", "id", id));
            }
            item.options().forEach(o -> requireBothLanguages(id, o));
            items.add(new SurveyItem(id, item.type(), item.label(), item.options()));
        }
        return new Survey(s.achievementId(), true, s.enabled(), new ArrayList<>(new TreeSet<>(s.waveMonths())), s.reminderDays(), s.openDays(),
                s.currency(), items, actor, now);
    }

    private static void requireBothLanguages(String id, Map<String, String> text) {
        for (String lang : List.of("en", "nb")) {
            String value = text.get(lang);
            if (value == null || value.isBlank() || value.length() > MAX_LABEL) {
                throw new DomainException.InvalidInput("items", ErrorText.of("survey.item_labels_invalid", "id", id, "max", MAX_LABEL));
            }
        }
        if (!Set.of("en", "nb").containsAll(text.keySet())) {
            throw new DomainException.InvalidInput("items", ErrorText.of("survey.item_languages", "id", id));
        }
    }

    /**
     * What an upload of non-completers did.
     *
     * @param listed   distinct well-formed addresses in the upload
     * @param rejected entries that were not e-mail addresses
     * @param excluded listed addresses that hold the credential (they are surveyed as earners)
     * @param invited  invitations made now (a person already invited in this wave is not invited again)
     */
    public record Sampled(long sampleId, int listed, int rejected, int excluded, int sampleSize, int invited, long seed, int wave) {}

    /**
     * Invites a seeded random sample of {@code sampleSize} of the listed non-completers to the survey's wave {@code wave}
     * (null: its first). Only the sampled addresses are stored, until the wave closes; the same list, size and seed give the same sample.
     */
    public Sampled inviteNonCompleters(long tenantId, long achievementId, String actor, List<String> entries, int sampleSize, long seed,
                                       Integer wave, String language) {
        Survey survey = get(tenantId, achievementId);
        if (!survey.configured() || !survey.enabled()) {
            throw new DomainException.Conflict(ErrorText.of("survey.not_enabled", "id", achievementId));
        }
        if (sampleSize < 1 || sampleSize > MAX_SAMPLE) {
            throw new DomainException.InvalidInput("sampleSize", ErrorText.of("survey.sample_invalid", "max", MAX_SAMPLE));
        }
        int waveMonth = wave == null ? survey.waveMonths().get(0) : wave;
        if (waveMonth < 1 || waveMonth > 60) {
            throw new DomainException.InvalidInput("wave", ErrorText.of("survey.wave_invalid"));
        }
        if (language != null && !language.equals("en") && !language.equals("nb")) {
            throw new DomainException.InvalidInput("language", ErrorText.of("survey.language_invalid"));
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<String> normalised = entries.stream().map(e -> e == null ? "" : e.strip().toLowerCase(Locale.ROOT)).toList();
            Set<String> earners = new HashSet<>(h.createQuery("""
                            SELECT recipient_email_hash
                              FROM credential
                             WHERE tenant_id = :tenant
                               AND achievement_id = :achievement
                               AND recipient_email_hash = ANY(:hashes)
                            """)
                    .bind("tenant", tenantId).bind("achievement", achievementId)
                    .bindArray("hashes", String.class, normalised.stream().filter(a -> a.contains("@")).map(Issuance::emailHash).toList())
                    .mapTo(String.class).list());
            NonCompleterSample drawn = NonCompleterSample.draw(entries, a -> earners.contains(Issuance.emailHash(a)), sampleSize, seed);
            String lang = language != null ? language
                    : h.createQuery("SELECT CASE WHEN locale = 'nb' THEN 'nb' ELSE 'en' END FROM tenant WHERE id = :tenant")
                    .bind("tenant", tenantId).mapTo(String.class).one();
            long sampleId = h.createUpdate("""
                            INSERT INTO survey_sample (tenant_id, achievement_id, wave_month, listed, excluded, sample_size, seed, created_by, created_at)
                            VALUES (:tenant, :achievement, :wave, :listed, :excluded, :size, :seed, :by, :now)
                            """)
                    .bind("tenant", tenantId).bind("achievement", achievementId).bind("wave", waveMonth).bind("listed", drawn.listed().size())
                    .bind("excluded", drawn.excluded()).bind("size", sampleSize).bind("seed", seed).bind("by", actor)
                    .bind("now", Timestamp.from(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int invited = 0;
            for (String address : drawn.sample()) {
                var id = h.createQuery("""
                                INSERT INTO survey_invitation (tenant_id, achievement_id, wave_month, cohort, sample_id, email, email_hash, language,
                                                               invited_at, closes_at)
                                VALUES (:tenant, :achievement, :wave, 'non_completer', :sample, :email, :hash, :lang, :now, :closes)
                                ON CONFLICT DO NOTHING
                                RETURNING id
                                """)
                        .bind("tenant", tenantId).bind("achievement", achievementId).bind("wave", waveMonth).bind("sample", sampleId)
                        .bind("email", address).bind("hash", Issuance.emailHash(address)).bind("lang", lang).bind("now", Timestamp.from(now))
                        .bind("closes", Timestamp.from(now.plus(java.time.Duration.ofDays(survey.openDays())))).mapTo(Long.class).findOne();
                if (id.isPresent()) {
                    long mail = delivery.queueSurvey(h, tenantId, null, false, address, lang);
                    h.createUpdate("UPDATE survey_invitation SET invitation_mail_id = :mail WHERE tenant_id = :tenant AND id = :id")
                            .bind("mail", mail).bind("tenant", tenantId).bind("id", id.get()).execute();
                    invited++;
                }
            }
            audit.record(h, tenantId, actor, "survey.non_completers.invite", "achievement:" + achievementId, null,
                    SurveyJson.sample(sampleId, drawn.listed().size(), invited, seed, waveMonth));
            return new Sampled(sampleId, drawn.listed().size(), drawn.rejected(), drawn.excluded(), sampleSize, invited, seed, waveMonth);
        });
    }

    /** What a form link opens. */
    public sealed interface Opened permits Form, Unusable, Answered {}

    /** The form to fill in. */
    public record Form(String language, String issuer, String achievement, Survey survey, Instant closesAt, boolean simulated) implements Opened {}

    /** The link does not work: {@code unknown}, {@code answered} (one answer per invitation) or {@code closed} (the wave has closed). */
    public record Unusable(String reason, String language) implements Opened {}

    /** The answer was stored. */
    public record Answered(String language, String issuer) implements Opened {}

    /** The form behind a link. */
    public Opened open(String token) {
        if (!Tokens.wellFormed(token)) {
            return new Unusable("unknown", null);
        }
        return jdbi.inTransaction(h -> {
            var found = SurveyStore.byToken(h, Tokens.hash(token));
            if (found.isEmpty()) {
                return new Unusable("unknown", null);
            }
            return usable(h, found.get(), clock.instant());
        });
    }

    /**
     * Stores the answer behind a link: once; a second submit is refused ({@code answered}), as is one after the wave closed.
     * The invitation row is locked, so two submits at once store one answer.
     */
    public Opened answer(String token, SurveyAnswer answer) {
        if (!Tokens.wellFormed(token)) {
            return new Unusable("unknown", null);
        }
        return jdbi.inTransaction(h -> {
            var found = SurveyStore.byToken(h, Tokens.hash(token));
            if (found.isEmpty()) {
                return new Unusable("unknown", null);
            }
            Instant now = clock.instant();
            Opened opened = usable(h, found.get(), now);
            if (opened instanceof Form form) {
                SurveyStore.answer(h, found.get(), checkAnswer(answer, form.survey()), now);
                return new Answered(form.language(), form.issuer());
            }
            return opened;
        });
    }

    private static Opened usable(Handle h, SurveyStore.Invitation invitation, Instant now) {
        if (invitation.answeredAt() != null) {
            return new Unusable("answered", invitation.language());
        }
        if (!invitation.open(now)) {
            return new Unusable("closed", invitation.language());
        }
        Survey survey = SurveyStore.find(h, invitation.tenantId(), invitation.achievementId()).orElseThrow();
        String issuer = h.createQuery("SELECT name FROM tenant WHERE id = :tenant").bind("tenant", invitation.tenantId()).mapTo(String.class).one();
        String achievement = h.createQuery("SELECT name FROM achievement WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", invitation.tenantId()).bind("id", invitation.achievementId()).mapTo(String.class).one();
        return new Form(invitation.language(), issuer, achievement, survey, invitation.closesAt(), invitation.simulated());
    }

    /** Checks an answer against the standard items and the survey's custom items; unknown custom ids are dropped. */
    static SurveyAnswer checkAnswer(SurveyAnswer a, Survey survey) {
        if (a.satisfaction() != null && (a.satisfaction() < 1 || a.satisfaction() > 5)) {
            throw new DomainException.InvalidInput("satisfaction", ErrorText.of("survey.satisfaction_invalid"));
        }
        if (a.skillApplied() != null && !StandardItems.SKILL_APPLIED.contains(a.skillApplied())) {
            throw new DomainException.InvalidInput("skill", ErrorText.of("survey.skill_invalid"));
        }
        if (!StandardItems.CAREER_OUTCOMES.containsAll(a.careerOutcomes()) || a.careerOutcomes().contains("none") && a.careerOutcomes().size() > 1) {
            throw new DomainException.InvalidInput("career", ErrorText.of("survey.career_none"));
        }
        if (a.monetaryImpact() != null && (a.monetaryImpact().signum() < 0 || a.monetaryImpact().compareTo(BigDecimal.valueOf(100_000_000)) > 0)) {
            throw new DomainException.InvalidInput("impact", ErrorText.of("survey.impact_invalid"));
        }
        percentage("attribution", a.attributionPct());
        percentage("confidence", a.confidencePct());
        Map<String, String> custom = new java.util.LinkedHashMap<>();
        for (SurveyItem item : survey.items()) {
            String value = a.custom().get(item.id());
            if (value == null || value.isBlank()) {
                continue;
            }
            boolean ok = switch (item.type()) {
                case "text" -> value.length() <= MAX_TEXT_ANSWER;
                case "scale" -> value.matches("[1-5]");
                default -> value.matches("\\d{1,2}") && Integer.parseInt(value) < item.options().size();
            };
            if (!ok) {
                throw new DomainException.InvalidInput("c_" + item.id(), ErrorText.of("survey.choice_invalid", "id", item.id()));
            }
            custom.put(item.id(), value.strip());
        }
        return new SurveyAnswer(a.satisfaction(), a.skillApplied(), a.careerOutcomes(), a.monetaryImpact(), a.attributionPct(), a.confidencePct(),
                custom);
    }

    private static void percentage(String field, Integer pct) {
        if (pct != null && (pct < 0 || pct > 100)) {
            throw new DomainException.InvalidInput(field, ErrorText.of("survey.percentage_invalid"));
        }
    }

    /** The results of the achievement's survey, earners and non-completers apart, from aggregates of the tenant's rows only. */
    public SurveyResults results(long tenantId, long achievementId) {
        Survey survey = get(tenantId, achievementId);
        return jdbi.withHandle(h -> {
            var earners = SurveyStore.aggregates(h, tenantId, achievementId, "earner");
            var others = SurveyStore.aggregates(h, tenantId, achievementId, "non_completer");
            return new SurveyResults(achievementId, survey.currency(), earners.simulated() || others.simulated(),
                    SurveyResults.cohort(earners, SurveyStore.estimates(h, tenantId, achievementId, "earner")),
                    SurveyResults.cohort(others, SurveyStore.estimates(h, tenantId, achievementId, "non_completer")));
        });
    }
}
