package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Changing, adding or removing any field of a signed credential makes verification fail. */
class TamperingPropertiesTest {
    static final ObjectNode SIGNED = VerifierFixtures.signed(VerifierFixtures.unsignedCredential());
    static final List<String> LEAVES = leaves(SIGNED, "");
    static final List<String> OBJECTS = objects(SIGNED, "");
    final Verifier verifier = VerifierFixtures.offlineVerifier();

    @Property(tries = 150)
    void changing_any_value_fails_verification(@ForAll("leaves") String path, @ForAll("replacements") String replacement) {
        ObjectNode tampered = SIGNED.deepCopy();
        JsonNode old = tampered.at(path);
        JsonNode value = old.isBoolean() ? BooleanNode.valueOf(!old.booleanValue())
                : TextNode.valueOf(old.asText().equals(replacement) ? replacement + "x" : replacement);
        set(tampered, path, value);
        assertThat(verifier.verify(tampered).verdict()).as(path).isNotEqualTo(Verdict.VALID);
    }

    @Property(tries = 100)
    void removing_any_field_fails_verification(@ForAll("leavesAndObjects") String path) {
        ObjectNode tampered = SIGNED.deepCopy();
        remove(tampered, path);
        assertThat(verifier.verify(tampered).verdict()).as(path).isNotEqualTo(Verdict.VALID);
    }

    @Property(tries = 100)
    void adding_any_field_fails_verification(@ForAll("objects") String path,
                                             @ForAll("fieldNames") String name, @ForAll("replacements") String value) {
        ObjectNode tampered = SIGNED.deepCopy();
        JsonNode target = path.isEmpty() ? tampered : tampered.at(path);
        if (!target.isObject() || target.has(name)) {
            return;
        }
        ((ObjectNode) target).put(name, value);
        assertThat(verifier.verify(tampered).verdict()).as(path + "/" + name).isNotEqualTo(Verdict.VALID);
    }

    @Provide
    Arbitrary<String> leaves() {
        return Arbitraries.of(LEAVES);
    }

    @Provide
    Arbitrary<String> objects() {
        return Arbitraries.of(OBJECTS);
    }

    @Provide
    Arbitrary<String> leavesAndObjects() {
        List<String> all = new ArrayList<>(LEAVES);
        OBJECTS.stream().filter(p -> !p.isEmpty()).forEach(all::add);
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<String> replacements() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("https://evil.example/x", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "2030-01-01T00:00:00Z"));
    }

    @Provide
    Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(Arbitraries.of("description", "name", "image", "evidence", "id", "url", "narrative", "validUntil"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10));
    }

    private static List<String> leaves(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isContainerNode()) {
            var fields = node.isObject() ? node.fieldNames() : null;
            if (fields != null) {
                fields.forEachRemaining(f -> out.addAll(leaves(node.get(f), path + "/" + f)));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    out.addAll(leaves(node.get(i), path + "/" + i));
                }
            }
        } else {
            out.add(path);
        }
        return out;
    }

    private static List<String> objects(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            out.add(path);
            node.fieldNames().forEachRemaining(f -> out.addAll(objects(node.get(f), path + "/" + f)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(objects(node.get(i), path + "/" + i));
            }
        }
        return out;
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        ContainerNode<?> parent = (ContainerNode<?>) root.at(path.substring(0, path.lastIndexOf('/')));
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    private static void remove(ObjectNode root, String path) {
        JsonNode parent = root.at(path.substring(0, path.lastIndexOf('/')));
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
    }
}
