package org.credence.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The PHC string format: what we write reads back the same, and anything else is refused. */
class PasswordHashPropertiesTest {
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    @Provide
    Arbitrary<PasswordHash> hashes() {
        Arbitrary<Integer> p = Arbitraries.integers().between(1, 16);
        Arbitrary<Integer> t = Arbitraries.integers().between(1, 100);
        Arbitrary<byte[]> salt = Arbitraries.bytes().array(byte[].class).ofMinSize(8).ofMaxSize(64);
        Arbitrary<byte[]> hash = Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(64);
        return Combinators.combine(p, t, salt, hash, Arbitraries.integers().between(0, PasswordHash.MAX_MEMORY_KIB))
                .filter((pp, tt, s, h, m) -> m >= 8 * pp)
                .as((pp, tt, s, h, m) -> new PasswordHash(m, tt, pp, s, h));
    }

    @Property
    void an_encoded_hash_parses_back_to_itself(@ForAll("hashes") PasswordHash hash) {
        String phc = hash.encode();
        assertThat(phc).startsWith("$argon2id$v=19$m=").doesNotContain("=$").doesNotEndWith("=");
        assertThat(PasswordHash.of(phc)).isEqualTo(hash);
        assertThat(PasswordHash.of(phc).encode()).isEqualTo(phc);
    }

    @Property
    void a_changed_character_is_refused_or_reads_as_a_different_hash(@ForAll("hashes") PasswordHash hash, @ForAll @IntRange(min = 0, max = 500) int at,
                                                                    @ForAll char replacement) {
        String phc = hash.encode();
        int i = at % phc.length();
        String changed = phc.substring(0, i) + replacement + phc.substring(i + 1);
        PasswordHash.parse(changed).ifPresent(other -> assertThat(other.encode()).isEqualTo(changed));
        if (!changed.equals(phc)) {
            assertThat(PasswordHash.parse(changed)).isNotEqualTo(java.util.Optional.of(hash));
        }
    }

    @Property
    void arbitrary_text_is_refused_without_an_unexpected_exception(@ForAll @StringLength(max = 200) String text) {
        // parse never throws; of throws only IllegalArgumentException
        if (PasswordHash.parse(text).isEmpty()) {
            assertThatThrownBy(() -> PasswordHash.of(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void truncated_or_extended_strings_are_refused(@ForAll("hashes") PasswordHash hash, @ForAll @IntRange(min = 1, max = 30) int cut) {
        String phc = hash.encode();
        String[] parts = phc.split("\\$");
        // cutting into the parameters or the salt, or adding a field, breaks the shape
        assertThat(PasswordHash.parse(phc.substring(0, Math.min(cut, phc.length() - 1) + parts[1].length()))).isEmpty();
        assertThat(PasswordHash.parse(phc + "$extra")).isEmpty();
        assertThat(PasswordHash.parse(phc + "=")).isEmpty();
    }

    @Property
    void malformed_fields_are_refused(@ForAll("hashes") PasswordHash hash) {
        String salt = B64.encodeToString(hash.salt());
        String digest = B64.encodeToString(hash.hash());
        String params = "m=" + hash.memoryKiB() + ",t=" + hash.iterations() + ",p=" + hash.parallelism();
        assertThat(PasswordHash.parse("$argon2i$v=19$" + params + "$" + salt + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=16$" + params + "$" + salt + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$" + params + "$" + salt + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$t=" + hash.iterations() + ",m=" + hash.memoryKiB() + ",p=" + hash.parallelism()
                + "$" + salt + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$m=0" + hash.memoryKiB() + ",t=" + hash.iterations() + ",p=" + hash.parallelism()
                + "$" + salt + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$" + params + "$" + salt + "==$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$" + params + "$" + salt.replace('+', '-') + "$" + digest.replace('/', '_'))
                .map(PasswordHash::encode)).isIn(java.util.Optional.empty(), java.util.Optional.of(hash.encode()));
    }

    @Property(tries = 50)
    void out_of_range_parameters_are_refused(@ForAll @IntRange(min = 0, max = 7) int smallMemory) {
        String salt = B64.encodeToString(new byte[16]);
        String digest = B64.encodeToString(new byte[32]);
        assertThat(PasswordHash.parse("$argon2id$v=19$m=" + smallMemory + ",t=2,p=1$" + salt + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$m=19456,t=0,p=1$" + salt + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$m=19456,t=2,p=0$" + salt + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$m=99999999,t=2,p=1$" + salt + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$m=19456,t=2,p=1$" + B64.encodeToString(new byte[7]) + "$" + digest)).isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + B64.encodeToString(new byte[15]))).isEmpty();
    }
}
