package org.credence.standards.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;

class AchievementCredentialPropertiesTest {
    @Property(tries = 200)
    void any_built_credential_round_trips_through_json_text(@ForAll @NotBlank String name, @ForAll String description,
                                                            @ForAll @NotBlank String narrative, @ForAll String email) throws Exception {
        Achievement achievement = new Achievement("https://credence.example/achievements/1", "Badge", name, description.isBlank() ? "d" : description,
                new Criteria(null, narrative), null, List.of(Alignment.of(name, "https://skills.example/1")), List.of(name), null, null, List.of(), Map.of());
        AchievementCredential credential = AchievementCredential.builder()
                .id("urn:uuid:00000000-0000-4000-8000-000000000001")
                .issuer(Profile.of("did:key:z6MkmEu7xswXxJ9zp6u38CjbHLXYD2onNXfQYLcxV6DTbx8M", name, null))
                .validFrom(java.time.Instant.parse("2025-01-01T00:00:00Z"))
                .name(name)
                .subject(AchievementSubject.of(IdentityObject.hashedEmail(email.isBlank() ? "x@example.org" : email, "salt"), achievement))
                .build();
        ObjectNode json = credential.toJson();
        String text = new ObjectMapper().writeValueAsString(json);
        AchievementCredential back = CredentialJson.readCredential(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(back).isEqualTo(credential);
        assertThat(back.toJson()).isEqualTo(json);
    }
}
