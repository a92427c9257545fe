package org.credence.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private static final Instant MARCH = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void an_edited_assumption_names_who_when_why_and_where() {
        Provenance provenance = new Provenance("anna@acme.example", MARCH, "our 2024 LinkedIn analytics",
                Scope.achievement("42"));

        assertThat(provenance.scope().level()).isEqualTo(Scope.Level.ACHIEVEMENT);
        assertThat(provenance.scope().id()).isEqualTo("42");
    }

    @Test
    void refuses_an_assumption_without_author_reason_or_time() {
        assertThatThrownBy(() -> new Provenance(" ", MARCH, "why", Scope.tenant("acme")))
                .hasMessage("an assumption needs the name of who set it");
        assertThatThrownBy(() -> new Provenance("anna", MARCH, "", Scope.tenant("acme")))
                .hasMessage("an assumption needs a reason (set by anna)");
        assertThatThrownBy(() -> new Provenance("anna", null, "why", Scope.tenant("acme")))
                .hasMessage("an assumption set for a TENANT needs the time it was set");
    }

    @Test
    void built_in_defaults_have_the_default_scope_and_no_time() {
        Provenance provenance = Provenance.builtIn("seed example");

        assertThat(provenance.setBy()).isEqualTo(Provenance.BUILT_IN_AUTHOR);
        assertThat(provenance.setAt()).isNull();
        assertThat(provenance.scope()).isEqualTo(Scope.DEFAULT);
        assertThatThrownBy(() -> Scope.tenant(" ")).hasMessage("a TENANT scope needs an id");
    }
}
