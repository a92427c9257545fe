package org.credence.insights.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TopInfluencersTest {

    private static final List<InfluencerActivity> ACTIVITY = List.of(
            new InfluencerActivity("r-1", true, "Åse Ødegård", 900, 40),
            new InfluencerActivity("r-2", false, null, 2000, 40),
            new InfluencerActivity("r-3", false, "Kari Nordmann", 5000, 12),
            new InfluencerActivity("r-4", true, "Ola Nordmann", 10, 0),
            new InfluencerActivity("r-5", true, "Nobody", 0, 0));

    @Test
    void ranks_by_referral_clicks_then_views_and_names_only_those_who_consented() {
        List<Influencer> top = TopInfluencers.rank(ACTIVITY, 10);

        assertThat(top).containsExactly(
                new Influencer(1, "Recipient #1", false, null, 2000, 40),
                new Influencer(2, "Åse Ødegård", true, "r-1", 900, 40),
                new Influencer(3, "Recipient #3", false, null, 5000, 12),
                new Influencer(4, "Ola Nordmann", true, "r-4", 10, 0));
    }

    @Test
    void a_name_given_without_consent_is_never_shown() {
        assertThat(TopInfluencers.rank(ACTIVITY, 10)).extracting(Influencer::label).doesNotContain("Kari Nordmann");
    }

    @Test
    void the_limit_cuts_the_list() {
        assertThat(TopInfluencers.rank(ACTIVITY, 2)).extracting(Influencer::rank).containsExactly(1, 2);
        assertThat(TopInfluencers.rank(ACTIVITY, 0)).isEmpty();
    }

    @Test
    void a_recipient_listed_twice_is_refused() {
        var twice = List.of(new InfluencerActivity("r-1", false, null, 1, 1),
                new InfluencerActivity("r-1", false, null, 2, 2));

        assertThatThrownBy(() -> TopInfluencers.rank(twice, 5)).hasMessage("recipient r-1 appears more than once");
    }

    @Test
    void consent_without_a_name_is_refused() {
        assertThatThrownBy(() -> new InfluencerActivity("r-9", true, " ", 1, 1))
                .hasMessage("recipient r-9 consented to be named but has no name");
    }

    @Property(tries = 50)
    void labels_do_not_depend_on_the_order_rows_arrive_in(@ForAll @IntRange(max = 10_000) int seed) {
        List<InfluencerActivity> shuffled = new ArrayList<>(ACTIVITY);
        Collections.shuffle(shuffled, new java.util.Random(seed));

        assertThat(TopInfluencers.rank(shuffled, 10)).isEqualTo(TopInfluencers.rank(ACTIVITY, 10));
    }
}
