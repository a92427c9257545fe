package org.credence.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL refreshes a growing table's statistics within seconds. Plans cached while a new installation's
 * tables were empty scan all of them; only fresh statistics replace those plans, and PostgreSQL's default of a minute
 * between autovacuum rounds made a fresh server's first minute three times slower per credential (issue 14).
 */
class EmbeddedStatisticsTest {
    final TrackingFixture db = TrackingFixture.shared();

    @Test
    void autovacuum_looks_at_the_tables_every_five_seconds() {
        String naptime = db.jdbi.withHandle(h -> h.createQuery("SHOW autovacuum_naptime").mapTo(String.class).one());
        assertThat(naptime).isEqualTo("5s");
        String autovacuum = db.jdbi.withHandle(h -> h.createQuery("SHOW autovacuum").mapTo(String.class).one());
        assertThat(autovacuum).isEqualTo("on");
    }
}
