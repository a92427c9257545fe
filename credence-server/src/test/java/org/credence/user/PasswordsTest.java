package org.credence.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(new SecureRandom(), HashingLimit.forThisMachine(Passwords.MEMORY_KIB));

    @Test
    void a_password_matches_its_own_hash_and_no_other_password() {
        PasswordHash hash = passwords.hash(Password.chosen("correct horse battery staple"));
        assertThat(hash.encode()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches(Password.typed("correct horse battery staple"), hash)).isTrue();
        assertThat(passwords.matches(Password.typed("correct horse battery stapl"), hash)).isFalse();
        assertThat(passwords.needsRehash(hash)).isFalse();
    }

    @Test
    void the_same_password_gets_a_new_salt_every_time() {
        assertThat(passwords.hash(Password.chosen("twelve chars!")).encode()).isNotEqualTo(passwords.hash(Password.chosen("twelve chars!")).encode());
    }

    @Test
    void a_hash_made_by_the_reference_argon2_tool_verifies() {
        // from the reference implementation (phc-winner-argon2): echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32
        PasswordHash reference = PasswordHash.of("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
        assertThat(passwords.matches(Password.typed("password"), reference)).isTrue();
        assertThat(passwords.needsRehash(reference)).isFalse();
    }

    @Test
    void weaker_stored_parameters_ask_for_a_rehash() {
        PasswordHash weak = new PasswordHash(4096, 1, 1, new byte[16], new byte[32]);
        assertThat(passwords.needsRehash(weak)).isTrue();
    }

    @Test
    void chosen_passwords_are_12_to_1024_characters_and_never_print() {
        assertThatThrownBy(() -> Password.chosen("elevenchars")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> Password.chosen("x".repeat(1025))).hasMessageContaining("at most 1024");
        assertThat(Password.chosen("ø".repeat(12)).toString()).isEqualTo("[REDACTED]");
        assertThat(Password.chosen("😀".repeat(12))).isNotNull();
    }

    @Test
    void the_same_password_in_another_unicode_form_matches() {
        PasswordHash hash = passwords.hash(Password.chosen("Åse passord 12"));
        assertThat(passwords.matches(Password.typed("A\u030Ase passord 12"), hash)).isTrue();
    }
}
