package org.credence.renewal;

/** Whether a tenant's recipients are told when their credential is revoked, and when it is suspended. */
public record StateNoticeSettings(boolean revoked, boolean suspended) {
    /** Both on: a tenant that never said otherwise tells its recipients. */
    public static final StateNoticeSettings DEFAULTS = new StateNoticeSettings(true, true);
}
