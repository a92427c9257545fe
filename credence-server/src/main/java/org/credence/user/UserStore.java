package org.credence.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for users. Every statement is scoped to one tenant. */
final class UserStore {
    private static final String COLUMNS = """
            id
                 , tenant_id
                 , email
                 , name
                 , role
                 , disabled
                 , created_at
                 , last_login_at
                 , password_hash
                 , totp_enabled_at IS NOT NULL AS totp""";

    /** A user with the stored hash, for login only, and whether they have a second factor. */
    record WithHash(User user, String passwordHash, boolean totp) {}

    private UserStore() {}

    /** The new user's id, or empty when the e-mail is already taken at this tenant (any case). */
    static Optional<Long> insert(Handle h, long tenantId, String email, String name, Role role, String passwordHash, Instant now) {
        return h.createQuery("""
                        INSERT INTO app_user (tenant_id, email, name, role, password_hash, created_at)
                        VALUES (:tenant, :email, :name, :role, :hash, :now)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .bind("tenant", tenantId).bind("email", email).bind("name", name).bind("role", role.json())
                .bind("hash", passwordHash).bind("now", Timestamp.from(now))
                .mapTo(Long.class).findOne();
    }

    static List<User> list(Handle h, long tenantId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE tenant_id = :tenant ORDER BY id")
                .bind("tenant", tenantId).map((rs, ctx) -> row(rs).user()).list();
    }

    /**
     * The ids of the tenant's invited users who have not yet chosen a password: never signed in, an invitation sent, and no
     * link of theirs used (choosing a password marks all of them used).
     */
    static java.util.Set<Long> invited(Handle h, long tenantId) {
        return new java.util.HashSet<>(h.createQuery("""
                        SELECT u.id
                          FROM app_user u
                         WHERE u.tenant_id = :tenant
                           AND u.last_login_at IS NULL
                           AND EXISTS (SELECT 1 FROM password_token p
                                        WHERE p.tenant_id = u.tenant_id AND p.user_id = u.id AND p.purpose = 'invitation')
                           AND NOT EXISTS (SELECT 1 FROM password_token p
                                            WHERE p.tenant_id = u.tenant_id AND p.user_id = u.id AND p.used_at IS NOT NULL)
                        """)
                .bind("tenant", tenantId).mapTo(Long.class).list());
    }

    static Optional<User> byId(Handle h, long tenantId, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> row(rs).user()).findOne();
    }

    static Optional<WithHash> byEmail(Handle h, long tenantId, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE tenant_id = :tenant AND lower(email) = lower(:email)")
                .bind("tenant", tenantId).bind("email", email).map((rs, ctx) -> row(rs)).findOne();
    }

    static void update(Handle h, User user) {
        h.createUpdate("""
                        UPDATE app_user
                           SET name = :name
                             , role = :role
                             , disabled = :disabled
                         WHERE tenant_id = :tenant
                           AND id = :id
                        """)
                .bind("name", user.name()).bind("role", user.role().json()).bind("disabled", user.disabled())
                .bind("tenant", user.tenantId()).bind("id", user.id()).execute();
    }

    static void setPassword(Handle h, long tenantId, long id, String hash) {
        h.createUpdate("UPDATE app_user SET password_hash = :hash WHERE tenant_id = :tenant AND id = :id")
                .bind("hash", hash).bind("tenant", tenantId).bind("id", id).execute();
    }

    /** Records a login, and the password's new hash when it was re-hashed (null: unchanged). */
    static void loggedIn(Handle h, long tenantId, long id, Instant at, String newHash) {
        h.createUpdate("""
                        UPDATE app_user
                           SET last_login_at = :at
                             , password_hash = COALESCE(:hash, password_hash)
                         WHERE tenant_id = :tenant
                           AND id = :id
                        """)
                .bind("at", Timestamp.from(at)).bind("hash", newHash).bind("tenant", tenantId).bind("id", id).execute();
    }

    /** Owners who may sign in, other than {@code exceptId}, counted with the tenant's user rows locked against a concurrent change. */
    static int otherActiveOwners(Handle h, long tenantId, long exceptId) {
        // serialise user changes per tenant: two concurrent demotions must not each see the other as the remaining owner
        h.createQuery("SELECT id FROM tenant WHERE id = :tenant FOR NO KEY UPDATE").bind("tenant", tenantId).mapTo(Long.class).one();
        return h.createQuery("""
                        SELECT count(*)
                          FROM app_user
                         WHERE tenant_id = :tenant
                           AND role = 'owner'
                           AND NOT disabled
                           AND id <> :id
                        """)
                .bind("tenant", tenantId).bind("id", exceptId).mapTo(Integer.class).one();
    }

    private static WithHash row(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp("last_login_at");
        User user = new User(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("email"), rs.getString("name"),
                Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("disabled"), rs.getTimestamp("created_at").toInstant(),
                last == null ? null : last.toInstant());
        return new WithHash(user, rs.getString("password_hash"), rs.getBoolean("totp"));
    }
}
