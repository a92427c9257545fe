package org.credence.standards.baking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeSvgTest {
    private static SafeSvg.Sanitized sanitize(String svg) {
        return SafeSvg.sanitize(svg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void script_event_handlers_and_foreign_objects_are_removed_and_reported() {
        var result = sanitize("""
                <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" viewBox="0 0 10 10">
                  <script>alert(2)</script>
                  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
                  <circle cx="5" cy="5" r="4" fill="#123456" onclick="steal()"/>
                  <animate attributeName="href" to="javascript:alert(3)"/>
                </svg>""");
        assertThat(result.svg()).doesNotContain("script", "alert", "onload", "onclick", "foreignObject", "animate", "steal")
                .contains("<circle", "fill=\"#123456\"", "viewBox=\"0 0 10 10\"");
        assertThat(result.removed()).contains("element <script>", "element <foreignObject>", "element <animate>");
    }

    @Test
    void external_references_are_removed_but_fragments_and_embedded_images_stay() {
        var result = sanitize("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
                  <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
                  <rect width="5" height="5" fill="url(#g)"/>
                  <rect width="5" height="5" style="fill: url(https://evil.example/x.svg#p)"/>
                  <use xlink:href="https://evil.example/sprite.svg#a"/>
                  <use href="#g"/>
                  <image href="data:image/png;base64,iVBORw0KGgo="/>
                  <image href="https://tracker.example/pixel.png"/>
                  <style>@import url(https://evil.example/x.css);</style>
                </svg>""");
        assertThat(result.svg()).doesNotContain("evil.example", "tracker.example", "@import")
                .contains("fill=\"url(#g)\"", "href=\"#g\"", "data:image/png;base64,iVBORw0KGgo=");
        assertThat(result.removed()).contains("element <style>", "external reference (href)", "external reference in style");
    }

    @Test
    void doctype_entities_and_non_svg_roots_are_refused() {
        assertThatThrownBy(() -> sanitize("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>"))
                .isInstanceOf(BakingException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> sanitize("<html><body/></html>")).isInstanceOf(BakingException.class).hasMessageContaining("root element");
        assertThatThrownBy(() -> sanitize("<svg")).isInstanceOf(BakingException.class).hasMessageContaining("well-formed");
    }

    @Test
    void a_sanitised_svg_can_be_baked_and_read_back() {
        String clean = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"3\"/></svg>").svg();
        String baked = BakedBadge.bakeSvg(clean, "{\"id\":\"urn:uuid:1\"}");
        assertThat(BakedBadge.read(baked.getBytes(StandardCharsets.UTF_8))).get()
                .extracting(BakedPayload::content).isEqualTo("{\"id\":\"urn:uuid:1\"}");
    }
}
