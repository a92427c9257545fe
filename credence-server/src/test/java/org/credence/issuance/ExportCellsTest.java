package org.credence.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A CSV export's cells never open as formulas in a spreadsheet, and keep their text otherwise. */
class ExportCellsTest {
    @Property
    void no_cell_begins_with_a_formula_character(@ForAll String cell) {
        String safe = CredentialExport.neutralised(cell);
        assertThat(safe.isEmpty() || "=+-@\t\r".indexOf(safe.charAt(0)) < 0).isTrue();
        assertThat(safe.equals(cell) || safe.equals("'" + cell)).isTrue();
    }

    @Example
    void formula_tab_and_carriage_return_cells_get_an_apostrophe() {
        assertThat(CredentialExport.neutralised("=SUM(A1:A9)")).isEqualTo("'=SUM(A1:A9)");
        assertThat(CredentialExport.neutralised("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CredentialExport.neutralised("\rcmd")).isEqualTo("'\rcmd");
        assertThat(CredentialExport.neutralised("Ada = Lovelace")).isEqualTo("Ada = Lovelace");
        assertThat(CredentialExport.neutralised(null)).isEmpty();
    }
}
