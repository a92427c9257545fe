package org.credence.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Generates a credential programme's history: issuances with seasonality, claims, the recipients'
 * own views, shares by channel, the third-party views and referral clicks shares bring, verifications,
 * downloads, returning recipients, and the bot traffic a tracker has to filter (link-preview crawlers,
 * mail scanners, crawlers). Streams everything to a sink, so a million credentials need no memory.
 * The output is a pure function of the settings.
 */
public final class Simulation {
    private static final double DAY_SECONDS = 86_400;
    private final SimulationSettings settings;
    private final UniformRandomProvider random;
    private final Instant start;
    private final Instant end;
    private final SharedStateDiscreteSampler issueDay;
    private final SharedStateDiscreteSampler achievement;
    private final SharedStateDiscreteSampler channel;
    private final SharedStateDiscreteSampler country;
    private final long days;
    private long nextVisitor = 1_000_000_000L;

    private Simulation(SimulationSettings settings) {
        this.settings = settings;
        this.random = RandomSource.XO_RO_SHI_RO_128_PP.create(settings.seed());
        LocalDate first = settings.start();
        this.start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.end = settings.end().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.days = Duration.between(start, end).toDays();
        double[] dayWeights = new double[(int) days];
        for (int d = 0; d < days; d++) {
            dayWeights[d] = DemoCatalog.MONTH_WEIGHTS[first.plusDays(d).getMonthValue() - 1];
        }
        this.issueDay = AliasMethodDiscreteSampler.of(random, dayWeights);
        this.achievement = AliasMethodDiscreteSampler.of(random, DemoCatalog.ACHIEVEMENTS.stream().mapToDouble(DemoAchievement::weight).toArray());
        this.channel = AliasMethodDiscreteSampler.of(random, DemoCatalog.CHANNELS.stream().mapToDouble(DemoCatalog.ChannelHabit::weight).toArray());
        this.country = AliasMethodDiscreteSampler.of(random, DemoCatalog.COUNTRY_WEIGHTS);
    }

    /** Runs the whole simulation into {@code sink}. */
    public static void run(SimulationSettings settings, SimulationSink sink) {
        new Simulation(settings).generate(sink);
    }

    private void generate(SimulationSink sink) {
        long credentialIndex = 0;
        for (long recipient = 0; recipient < settings.recipients(); recipient++) {
            String name = pick(DemoCatalog.FIRST_NAMES) + " " + pick(DemoCatalog.LAST_NAMES);
            String email = "recipient-" + recipient + "@example.org";
            String homeCountry = DemoCatalog.COUNTRIES.get(country.sample());
            long recipientVisitor = nextVisitor++;
            for (int achievementIndex : achievementsOf()) {
                credentialIndex++;
                simulateCredential(sink, credentialIndex - 1, recipient, name, email, homeCountry, recipientVisitor, achievementIndex);
            }
        }
    }

    /** Distinct achievements one recipient earns: most earn one, some are repeat earners. */
    private List<Integer> achievementsOf() {
        double u = random.nextDouble();
        int count = u < 0.78 ? 1 : u < 0.95 ? 2 : 3;
        List<Integer> chosen = new ArrayList<>(count);
        while (chosen.size() < count) {
            int a = achievement.sample();
            if (!chosen.contains(a)) {
                chosen.add(a);
            }
        }
        return chosen;
    }

    private void simulateCredential(SimulationSink sink, long index, long recipient, String name, String email, String homeCountry,
                                    long recipientVisitor, int achievementIndex) {
        DemoAchievement programme = DemoCatalog.ACHIEVEMENTS.get(achievementIndex);
        Instant issuedAt = start.plusSeconds((long) (issueDay.sample() * DAY_SECONDS + random.nextDouble() * DAY_SECONDS));
        Optional<Instant> expiresAt = programme.validityDays() == 0 ? Optional.empty()
                : Optional.of(issuedAt.plus(Duration.ofDays(programme.validityDays())));
        boolean claims = random.nextDouble() < programme.claimRate();
        Instant claimAt = after(issuedAt, 1.5);
        Optional<Instant> claimedAt = claims && claimAt.isBefore(end) ? Optional.of(claimAt) : Optional.empty();
        boolean isPublic = claimedAt.isEmpty() || random.nextDouble() < 0.93;
        boolean trackingAllowed = claimedAt.isPresent() && random.nextDouble() < 0.45;
        sink.credential(new SimulatedCredential(index, achievementIndex, recipient, name, email, issuedAt, expiresAt, claimedAt,
                isPublic, trackingAllowed));

        Emitter emit = new Emitter(sink, index);
        // a mail scanner opens the link in the claim mail seconds after it arrives
        if (random.nextDouble() < 0.15) {
            emit.event("view", "credential_page", issuedAt.plusSeconds(5 + random.nextInt(55)), homeCountry, "mail-scanner", nextVisitor++, false);
        }
        if (claimedAt.isEmpty()) {
            simulateVerifications(emit, issuedAt, 0.15);
            return;
        }
        Instant claimed = claimedAt.get();
        emit.event("claim", "credential_page", claimed, homeCountry, "browser", recipientVisitor, true);
        int ownViews = 1 + PoissonSampler.of(random, 1.0).sample();
        for (int v = 0; v < ownViews; v++) {
            emit.event("view", "credential_page", after(claimed, 2), homeCountry, device(), recipientVisitor, true);
        }
        if (random.nextDouble() < 0.5) {
            emit.event("download", "pdf", after(claimed, 1), homeCountry, "browser", recipientVisitor, true);
        }
        if (random.nextDouble() < 0.2) {
            emit.event("download", "badge", after(claimed, 3), homeCountry, "browser", recipientVisitor, true);
        }
        if (random.nextDouble() < 0.05) {
            emit.event("wallet_export", "credential_json", after(claimed, 5), homeCountry, "mobile", recipientVisitor, true);
        }
        // returning recipients: a visit more than 30 days later
        if (random.nextDouble() < 0.22) {
            Instant back = claimed.plus(Duration.ofDays(30 + random.nextInt(180)));
            emit.event("view", "credential_page", back, homeCountry, device(), recipientVisitor, true);
        }
        boolean shares = isPublic && random.nextDouble() < programme.shareRate();
        if (shares) {
            int shareCount = 1 + PoissonSampler.of(random, 0.4).sample();
            Instant shareAt = after(claimed, 3);
            for (int s = 0; s < shareCount; s++) {
                simulateShare(emit, shareAt, homeCountry, recipientVisitor);
                shareAt = after(shareAt, 20);
            }
        }
        simulateVerifications(emit, claimed, shares ? 0.8 : 0.3);
        // crawlers find public pages now and then
        if (isPublic) {
            int crawls = PoissonSampler.of(random, 0.5).sample();
            for (int c = 0; c < crawls; c++) {
                emit.event("view", "credential_page", after(claimed, 60), "US", "bot", nextVisitor++, false);
            }
        }
    }

    private void simulateShare(Emitter emit, Instant at, String homeCountry, long recipientVisitor) {
        DemoCatalog.ChannelHabit habit = DemoCatalog.CHANNELS.get(channel.sample());
        emit.event("share_click", habit.channel(), at, homeCountry, device(), recipientVisitor, true);
        if (habit.previewedByCrawler()) {
            int previews = 1 + random.nextInt(3);
            for (int p = 0; p < previews; p++) {
                emit.event("view", "credential_page", at.plusSeconds(1 + random.nextInt(20)), "US", "link-preview", nextVisitor++, false);
            }
        }
        int views = PoissonSampler.of(random, habit.viewsPerShare()).sample();
        for (int v = 0; v < views; v++) {
            long visitor = nextVisitor++;
            String where = random.nextDouble() < 0.6 ? homeCountry : DemoCatalog.COUNTRIES.get(country.sample());
            String device = device();
            Instant seen = after(at, 4);
            emit.event("view", "credential_page", seen, where, device, visitor, false);
            // some double-click within seconds, which the COUNTER rule counts once
            if (random.nextDouble() < 0.08) {
                emit.event("view", "credential_page", seen.plusSeconds(2 + random.nextInt(20)), where, device, visitor, false);
            }
            if (random.nextDouble() < 0.09) {
                emit.event("referral_click", "program", seen.plusSeconds(10 + random.nextInt(300)), where, device, visitor, false);
            }
        }
    }

    private void simulateVerifications(Emitter emit, Instant from, double mean) {
        int verifications = PoissonSampler.of(random, mean).sample();
        for (int v = 0; v < verifications; v++) {
            double u = random.nextDouble();
            String route = u < 0.6 ? "page" : u < 0.9 ? "api" : "file";
            emit.event("verification", route, after(from, 60), DemoCatalog.COUNTRIES.get(country.sample()),
                    route.equals("api") ? "other" : "browser", nextVisitor++, false);
        }
    }

    /** A moment an exponentially distributed number of days (with this mean) after {@code from}. */
    private Instant after(Instant from, double meanDays) {
        double d = AhrensDieterExponentialSampler.of(random, meanDays).sample();
        return from.plusSeconds((long) (d * DAY_SECONDS));
    }

    private String device() {
        return random.nextDouble() < 0.42 ? "mobile" : "browser";
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Drops what would happen after the simulated period ends. */
    private final class Emitter {
        private final SimulationSink sink;
        private final long credential;

        Emitter(SimulationSink sink, long credential) {
            this.sink = sink;
            this.credential = credential;
        }

        void event(String type, String detail, Instant at, String country, String userAgentClass, long visitor, boolean byRecipient) {
            if (at.isBefore(end)) {
                sink.event(new SimulatedEvent(credential, type, detail, at, country, userAgentClass, visitor, byRecipient));
            }
        }
    }
}
