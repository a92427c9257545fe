package org.credence.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserAgentsTest {
    final UserAgents agents = UserAgents.counterList();

    @Test
    void the_bundled_counter_list_loads_and_every_pattern_compiles() {
        var patterns = UserAgents.counterPatterns();
        assertThat(patterns).hasSizeGreaterThan(250).contains("bot", "spider", "crawl", "facebookexternalhit\\/");
        patterns.forEach(Pattern::compile);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | BROWSER
            Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15 | BROWSER
            Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 | BROWSER
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1 | MOBILE
            Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36 | MOBILE
            Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | BOT
            Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) | BOT
            Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/) | BOT
            curl/8.5.0 | BOT
            python-requests/2.31.0 | BOT
            Wget/1.21.4 | BOT
            '' | BOT
            LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com) | LINK_PREVIEW
            Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots) | LINK_PREVIEW
            Twitterbot/1.0 | LINK_PREVIEW
            facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php) | LINK_PREVIEW
            Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com) | LINK_PREVIEW
            WhatsApp/2.23.20.0 | LINK_PREVIEW
            TelegramBot (like TwitterBot) | LINK_PREVIEW
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Mimecast | MAIL_SCANNER
            Mozilla/5.0 (compatible; Barracuda Sentinel) | MAIL_SCANNER
            Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy) | MAIL_SCANNER
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b | MAIL_SCANNER
            SomeDesktopApp/3.1 | OTHER
            """)
    void user_agents_are_sorted_into_classes(String agent, UserAgentClass expected) {
        assertThat(agents.classify(agent)).isEqualTo(expected);
    }

    @Test
    void a_missing_user_agent_is_a_bot() {
        assertThat(agents.classify(null)).isEqualTo(UserAgentClass.BOT);
    }
}
