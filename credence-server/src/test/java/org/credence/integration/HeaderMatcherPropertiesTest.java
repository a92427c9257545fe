package org.credence.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Properties of the header matcher and the cell parsers. */
class HeaderMatcherPropertiesTest {
    record Spelled(OutcomeKind kind, String name, String written) {}

    @Provide
    Arbitrary<Spelled> spellings() {
        List<String[]> names = new ArrayList<>();
        for (OutcomeKind kind : OutcomeKind.values()) {
            for (Column column : kind.columns()) {
                names.add(new String[] {kind.name(), column.name(), column.name()});
                column.aliases().forEach(a -> names.add(new String[] {kind.name(), column.name(), a}));
            }
        }
        return Combinators.combine(Arbitraries.of(names), Arbitraries.longs(), Arbitraries.of(" ", "_", "-", "", ".", "  "))
                .as((n, seed, separator) -> {
                    java.util.Random random = new java.util.Random(seed);
                    StringBuilder written = new StringBuilder(random.nextBoolean() ? " " : "");
                    for (String part : n[2].split("_")) {
                        if (written.length() > 1) {
                            written.append(separator);
                        }
                        for (char c : part.toCharArray()) {
                            written.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                        }
                    }
                    return new Spelled(OutcomeKind.valueOf(n[0]), n[1], written.toString());
                });
    }

    @Property
    void any_casing_and_separator_of_a_name_or_alias_finds_its_column(@ForAll("spellings") Spelled spelled) {
        HeaderMatcher matcher = new HeaderMatcher(spelled.kind());
        int index = matcher.column(spelled.written()).orElseThrow();
        assertThat(spelled.kind().columns().get(index).name()).isEqualTo(spelled.name());
    }

    @Property
    void one_dropped_letter_of_a_long_column_name_is_suggested_back(@ForAll("spellings") Spelled spelled, @ForAll @IntRange(min = 0, max = 100) int at) {
        String name = spelled.name();
        if (name.length() < 6) {
            return;
        }
        int cut = at % name.length();
        String misspelt = name.substring(0, cut) + name.substring(cut + 1);
        HeaderMatcher matcher = new HeaderMatcher(spelled.kind());
        if (matcher.column(misspelt).isEmpty()) {
            assertThat(matcher.suggestion(misspelt)).isPresent();
        }
    }

    @Property
    void amounts_written_with_a_point_or_a_decimal_comma_read_the_same(@ForAll @BigRange(min = "-1000000000", max = "1000000000") @Scale(2) BigDecimal amount)
            throws ValueParser.Invalid {
        String point = amount.toPlainString();
        assertThat(ValueParser.amount(point, true)).isEqualByComparingTo(amount);
        assertThat(ValueParser.amount(point.replace('.', ','), true)).isEqualByComparingTo(amount);
    }

    @Property
    void a_date_reads_as_itself_and_as_its_utc_midnight(@ForAll("dates") LocalDate date) throws ValueParser.Invalid {
        assertThat(ValueParser.date(date.toString())).isEqualTo(date);
        assertThat(ValueParser.instant(date.toString())).isEqualTo(date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        assertThat(ValueParser.date(date + "T23:59:59+14:00")).isEqualTo(date);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1970, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
    }

    @Property
    void the_separator_is_the_one_the_header_uses_most(@ForAll @IntRange(min = 1, max = 8) int columns, @ForAll("separators") char separator) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns + 1; i++) {
            names.add(i % 2 == 0 ? "col" + i : "\"a,b;c " + i + "\"");
        }
        String header = String.join(String.valueOf(separator), names);
        assertThat(OutcomeFile.separator(header + "\n1,2,3,4,5,6,7,8,9,10\n")).isEqualTo(separator);
    }

    @Provide
    Arbitrary<Character> separators() {
        return Arbitraries.of(',', ';', '\t');
    }
}
