package org.credence.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final LocalDate END = LocalDate.of(2026, 11, 1);

    /** Everything a run produced, in order. */
    private static final class Recording implements SimulationSink {
        final List<SimulatedCredential> credentials = new ArrayList<>();
        final List<SimulatedEvent> events = new ArrayList<>();
        final List<Object> all = new ArrayList<>();

        @Override
        public void credential(SimulatedCredential credential) {
            credentials.add(credential);
            all.add(credential);
        }

        @Override
        public void event(SimulatedEvent event) {
            events.add(event);
            all.add(event);
        }
    }

    private static Recording run(long seed, int recipients, int months) {
        Recording recording = new Recording();
        Simulation.run(new SimulationSettings(seed, recipients, months, END), recording);
        return recording;
    }

    @Property(tries = 15)
    void theSameSettingsGiveTheSameHistory(@ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 60) int recipients) {
        assertThat(run(seed, recipients, 6).all).isEqualTo(run(seed, recipients, 6).all);
    }

    @Property(tries = 25)
    void everyEventBelongsToAnEarlierCredentialAndHappensInsideThePeriod(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                                      @ForAll @IntRange(min = 1, max = 80) int recipients,
                                                                      @ForAll @IntRange(min = 1, max = 24) int months) {
        Recording r = run(seed, recipients, months);
        Instant start = END.minusMonths(months).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = END.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Long, SimulatedCredential> seen = new HashMap<>();
        for (Object item : r.all) {
            if (item instanceof SimulatedCredential c) {
                assertThat(c.issuedAt()).isBetween(start, end);
                c.claimedAt().ifPresent(claimed -> assertThat(claimed).isAfterOrEqualTo(c.issuedAt()).isBefore(end));
                assertThat(seen.put(c.index(), c)).as("credential indexes are unique").isNull();
            } else if (item instanceof SimulatedEvent e) {
                SimulatedCredential c = seen.get(e.credential());
                assertThat(c).as("credential of %s emitted first", e).isNotNull();
                assertThat(e.at()).isAfterOrEqualTo(c.issuedAt()).isBefore(end);
                if (e.type().equals("claim") || e.type().equals("share_click")) {
                    assertThat(e.byRecipient()).isTrue();
                    assertThat(c.claimedAt()).isPresent();
                }
                if (e.type().equals("share_click")) {
                    assertThat(c.isPublic()).isTrue();
                }
                if (e.byRecipient()) {
                    assertThat(e.isBot()).isFalse();
                }
            }
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(recipients);
    }

    @Test
    void differentSeedsGiveDifferentHistories() {
        assertThat(run(1, 30, 6).all).isNotEqualTo(run(2, 30, 6).all);
    }

    @Test
    void aLargeRunHasTheDocumentedHabits() {
        Recording r = run(7, 20_000, 12);
        int issued = r.credentials.size();
        long claimed = r.credentials.stream().filter(c -> c.claimedAt().isPresent()).count();
        Set<Long> shared = new HashSet<>();
        long bots = 0;
        for (SimulatedEvent e : r.events) {
            if (e.type().equals("share_click")) {
                shared.add(e.credential());
            }
            if (e.isBot()) {
                bots++;
            }
        }
        // weighted claim rate of the catalogue is 0.74; claims after the period's end are cut off
        assertThat((double) claimed / issued).isBetween(0.70, 0.76);
        assertThat((double) shared.size() / issued).isBetween(0.15, 0.30);
        // 22 % of recipients earn two or three credentials
        assertThat(issued).isBetween(25_000, 27_000);
        assertThat(bots).isPositive();
        assertThat(r.events.size() / (double) issued).isBetween(3.0, 20.0);
    }
}
