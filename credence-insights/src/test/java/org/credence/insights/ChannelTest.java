package org.credence.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChannelTest {

    @Test
    void ids_are_the_ones_share_links_carry() {
        assertThat(Arrays.stream(Channel.values()).map(Channel::id))
                .containsExactly("linkedin_profile", "linkedin_post", "x", "facebook", "email", "copy_link");
        assertThat(Channel.of("copy_link")).isEqualTo(Channel.COPY_LINK);
    }

    @Test
    void an_unknown_id_is_refused_strictly_and_empty_leniently() {
        assertThat(Channel.parse("myspace")).isEmpty();
        assertThatThrownBy(() -> Channel.of("myspace")).hasMessage("unknown channel 'myspace'; known: "
                + "[linkedin_profile, linkedin_post, x, facebook, email, copy_link]");
    }
}
