package org.credence.insights;

/**
 * What an assumption applies to. A narrower scope overrides a wider one:
 * achievement over tenant over Credence's built-in default.
 *
 * @param level how wide the scope is
 * @param id    the tenant or achievement identifier; null for {@link Level#DEFAULT}
 */
public record Scope(Level level, String id) {

    /** The scope of Credence's own documented defaults. */
    public static final Scope DEFAULT = new Scope(Level.DEFAULT, null);

    /** How wide a scope is, widest first. */
    public enum Level { DEFAULT, TENANT, ACHIEVEMENT }

    public Scope {
        if (level == null) {
            throw new IllegalArgumentException("scope level is required");
        }
        if (level == Level.DEFAULT && id != null) {
            throw new IllegalArgumentException("the default scope has no id, got " + id);
        }
        if (level != Level.DEFAULT && (id == null || id.isBlank())) {
            throw new IllegalArgumentException("a " + level + " scope needs an id");
        }
    }

    /** A tenant-wide scope. */
    public static Scope tenant(String tenantId) {
        return new Scope(Level.TENANT, tenantId);
    }

    /** A scope of one achievement (credential template). */
    public static Scope achievement(String achievementId) {
        return new Scope(Level.ACHIEVEMENT, achievementId);
    }
}
