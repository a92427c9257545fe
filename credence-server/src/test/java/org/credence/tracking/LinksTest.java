package org.credence.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinksTest {
    @Test
    void utm_tags_join_an_existing_query_and_keep_the_fragment_last() {
        assertThat(Links.withUtm(URI.create("https://a.example/p?x=1#top"), "credence", "credential", "Data Steward & Co"))
                .hasToString("https://a.example/p?x=1&utm_source=credence&utm_medium=credential&utm_campaign=Data%20Steward%20%26%20Co#top");
        assertThat(Links.withUtm(URI.create("https://a.example"), "s", "m", "c")).hasToString("https://a.example?utm_source=s&utm_medium=m&utm_campaign=c");
    }

    @Test
    void only_absolute_web_urls_become_redirects() {
        assertThat(Links.web("javascript:alert(1)")).isEmpty();
        assertThat(Links.web("//evil.example/x")).isEmpty();
        assertThat(Links.web("/relative")).isEmpty();
        assertThat(Links.web(" https://ok.example/p ")).contains(URI.create("https://ok.example/p"));
    }
}
