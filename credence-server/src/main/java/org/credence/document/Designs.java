package org.credence.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credence.domain.ErrorText;
import org.jdbi.v3.core.Jdbi;

/**
 * Certificate designs: the built-in ones shipped as files, and each tenant's own (table
 * {@code certificate_design}), which no other tenant sees. Every design is validated before it
 * is stored, so a stored design always renders.
 */
public final class Designs {
    /** The built-in designs, in the order they are offered. */
    public static final List<String> BUILT_IN = List.of("classic", "modern", "minimal");
    private static final String NAME = "[a-z0-9-]{1,40}";
    private final Jdbi jdbi;
    private final Map<String, Stored> builtIn = new LinkedHashMap<>();

    /** A design with its source text. */
    public record Stored(Design design, String definition, boolean builtIn) {}

    public Designs(Jdbi jdbi) {
        this.jdbi = jdbi;
        for (String name : BUILT_IN) {
            String text = resource(name);
            builtIn.put(name, new Stored(DesignParser.parse(name, text), text, true));
        }
    }

    /** A built-in design by name (for tools and benchmarks that have no database). */
    public static Design builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("no built-in design '" + name + "'");
        }
        return DesignParser.parse(name, resource(name));
    }

    /** Validates a design's JSON text; the exception names what is wrong. */
    public static Design parse(String name, String definition) {
        return DesignParser.parse(name, definition);
    }

    /** The design a tenant may use under this name: a built-in, or one of its own. */
    public Optional<Stored> find(long tenantId, String name) {
        Stored shipped = builtIn.get(name);
        if (shipped != null) {
            return Optional.of(shipped);
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT definition
                          FROM certificate_design
                         WHERE tenant_id = :tenant
                           AND name = :name
                        """).bind("tenant", tenantId).bind("name", name).mapTo(String.class).findOne())
                .map(text -> new Stored(DesignParser.parse(name, text), text, false));
    }

    /** The built-ins and then the tenant's own, by name. */
    public List<Stored> list(long tenantId) {
        List<Stored> all = new ArrayList<>(builtIn.values());
        jdbi.withHandle(h -> h.createQuery("""
                        SELECT name
                             , definition
                          FROM certificate_design
                         WHERE tenant_id = :tenant
                         ORDER BY name
                        """).bind("tenant", tenantId)
                .map((rs, ctx) -> new Stored(DesignParser.parse(rs.getString("name"), rs.getString("definition")),
                        rs.getString("definition"), false))
                .list()).forEach(all::add);
        return all;
    }

    /**
     * Stores a tenant's design (validated first), replacing its earlier version of that name.
     *
     * @return true when it is new, false when it replaced one
     * @throws InvalidDesign when the name or the definition is unusable
     */
    public boolean save(long tenantId, String name, String definition) {
        if (!name.matches(NAME)) {
            throw new InvalidDesign(ErrorText.of("design.name_invalid"));
        }
        if (builtIn.containsKey(name)) {
            throw new InvalidDesign(ErrorText.of("design.name_built_in", "name", name));
        }
        DesignParser.parse(name, definition);
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO certificate_design (tenant_id, name, definition)
                        VALUES (:tenant, :name, :definition)
                        ON CONFLICT (tenant_id, name) DO UPDATE
                           SET definition = EXCLUDED.definition
                             , updated_at = now()
                        RETURNING (xmax = 0) AS inserted
                        """).bind("tenant", tenantId).bind("name", name).bind("definition", definition)
                .mapTo(Boolean.class).one());
    }

    /** What became of a request to delete a tenant's design. */
    public sealed interface Deletion {
        record Deleted() implements Deletion {}

        record NotFound() implements Deletion {}

        /** Achievements still choose it: they must choose another design first. */
        record InUse(List<String> achievements) implements Deletion {}
    }

    /**
     * Deletes a tenant's own design unless an achievement still chooses it (its certificates
     * would have no design to be drawn with). Built-in designs are never the tenant's to delete.
     */
    public Deletion delete(long tenantId, String name) {
        return jdbi.inTransaction(h -> {
            List<String> users = h.createQuery("""
                            SELECT name FROM achievement WHERE tenant_id = :tenant AND design = :name ORDER BY id LIMIT 20""")
                    .bind("tenant", tenantId).bind("name", name).mapTo(String.class).list();
            if (!users.isEmpty()) {
                return new Deletion.InUse(users);
            }
            int deleted = h.createUpdate("DELETE FROM certificate_design WHERE tenant_id = :tenant AND name = :name")
                    .bind("tenant", tenantId).bind("name", name).execute();
            return deleted == 1 ? new Deletion.Deleted() : new Deletion.NotFound();
        });
    }

    static String resource(String name) {
        try (InputStream in = Designs.class.getResourceAsStream("designs/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in design " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
