package org.credence.jobs;

/**
 * One queued piece of work: its task, the tenant it belongs to ({@code null} for the system's own
 * work) and a key unique within the task and tenant (a job id, a credential id …).
 */
public record JobInstance(String task, Long tenantId, String key) {
    private static final String SYSTEM = "system";

    public JobInstance {
        if (task == null || task.isBlank() || key == null || key.isBlank()) {
            throw new IllegalArgumentException("a job needs a task name and a key");
        }
    }

    /** The instance id stored in {@code scheduled_tasks}: the tenant comes first so one tenant's jobs can be listed by prefix. */
    public String instanceId() {
        return (tenantId == null ? SYSTEM : tenantId.toString()) + ":" + key;
    }

    /** Reads an instance id written by {@link #instanceId()}. */
    public static JobInstance of(String task, String instanceId) {
        int colon = instanceId.indexOf(':');
        if (colon < 0) {
            return new JobInstance(task, null, instanceId);
        }
        String owner = instanceId.substring(0, colon);
        return new JobInstance(task, owner.equals(SYSTEM) ? null : Long.valueOf(owner), instanceId.substring(colon + 1));
    }
}
