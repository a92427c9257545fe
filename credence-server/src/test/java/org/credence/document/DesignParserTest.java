package org.credence.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A broken design fails when it is read, with a message naming what is wrong. */
class DesignParserTest {
    static final String TEXT = """
            {"type": "text", "text": "{recipient.name}", "font": "sans", "size": 20, "colour": "primary", "x": 0.1, "y": 0.5}""";

    static String design(String... elements) {
        return "{\"page\": {\"orientation\": \"landscape\"}, \"elements\": [" + String.join(",", elements) + "]}";
    }

    @Test
    void a_good_design_parses() {
        Design design = Designs.parse("mine", design(TEXT, "{\"type\": \"qr\", \"x\": 0.8, \"y\": 0.8, \"width\": 0.1, \"height\": 0.1}"));
        assertThat(design.elements()).hasSize(2);
        assertThat(design.landscape()).isTrue();
    }

    @Test
    void a_missing_field_is_named_with_its_path() {
        String noFont = TEXT.replace("\"font\": \"sans\", ", "");
        assertThatThrownBy(() -> Designs.parse("mine", design(TEXT, TEXT, TEXT, noFont)))
                .isInstanceOf(InvalidDesign.class).hasMessage("elements[3].font is missing");
        assertThatThrownBy(() -> Designs.parse("mine", "{\"elements\": [" + TEXT + "]}")).hasMessage("page is missing");
    }

    @Test
    void unknown_fonts_fields_colours_and_keys_are_named() {
        assertThatThrownBy(() -> Designs.parse("m", design(TEXT.replace("\"sans\"", "\"comic\""))))
                .hasMessageStartingWith("elements[0].font 'comic' is not a bundled font");
        assertThatThrownBy(() -> Designs.parse("m", design(TEXT.replace("{recipient.name}", "Dear {recipient.email}"))))
                .hasMessageStartingWith("elements[0].text names the unknown field {recipient.email}");
        assertThatThrownBy(() -> Designs.parse("m", design(TEXT.replace("\"primary\"", "\"teal\""))))
                .hasMessageStartingWith("elements[0].colour 'teal' is not a colour");
        assertThatThrownBy(() -> Designs.parse("m", design(TEXT.replace("\"x\"", "\"left\""))))
                .hasMessageStartingWith("elements[0].left is not a known field");
        assertThatThrownBy(() -> Designs.parse("m", design(TEXT.replace("0.5", "1.5"))))
                .hasMessageStartingWith("elements[0].y is 1.5; it must be from 0.0 to 1.0");
        assertThatThrownBy(() -> Designs.parse("m", design(TEXT.replace("\"{recipient.name}\"", "{\"en\": \"Hi\"}"))))
                .hasMessage("elements[0].text.nb is missing");
        assertThatThrownBy(() -> Designs.parse("m", "not json")).hasMessageStartingWith("the design is not JSON");
    }

    /** The element with one more field before its closing brace. */
    static String withField(String element, String field) {
        return element.substring(0, element.lastIndexOf('}')) + ", " + field + "}";
    }

    @Test
    void an_element_may_be_drawn_only_when_or_unless_something_is_there() {
        Design design = Designs.parse("m", design(withField(TEXT, "\"when\": \"expiresOn\""),
                "{\"type\": \"rect\", \"x\": 0, \"y\": 0, \"width\": 0.2, \"height\": 0.2, \"fill\": \"#ffffff\", \"unless\": \"logo\"}"));
        assertThat(design.elements().get(0)).isInstanceOfSatisfying(Design.Conditional.class, c -> {
            assertThat(c.subject()).isEqualTo("expiresOn");
            assertThat(c.present()).isTrue();
            assertThat(c.element()).isInstanceOf(Design.Text.class);
        });
        assertThat(design.elements().get(1)).isInstanceOfSatisfying(Design.Conditional.class, c -> assertThat(c.present()).isFalse());
        assertThatThrownBy(() -> Designs.parse("m", design(withField(TEXT, "\"when\": \"grade\""))))
                .hasMessage("elements[0].when must be one of expiresOn, logo, signature, not 'grade'");
        assertThatThrownBy(() -> Designs.parse("m", design(withField(TEXT, "\"when\": \"logo\", \"unless\": \"logo\""))))
                .hasMessage("elements[0] has both when and unless; use one");
    }
}
