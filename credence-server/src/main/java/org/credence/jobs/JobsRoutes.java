package org.credence.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.time.Instant;
import java.util.Optional;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.tenant.Caller;

/** {@code GET /api/v1/jobs}: the tenant's jobs and the system tasks' health, with the {@code analytics} scope that reads operations. */
public final class JobsRoutes {
    private JobsRoutes() {}

    public static void register(JavalinConfig config, JobsStatus status, Auth auth) {
        config.routes.get("/api/v1/jobs", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            String state = ctx.queryParam("state");
            Optional<JobsStatus.State> only = state == null || state.isBlank() ? Optional.empty()
                    : Optional.of(JobsStatus.State.of(state.strip()).orElseThrow(() -> Problem.badParameter("state",
                            "state must be scheduled, running, failing or failed, not '" + state + "'")));
            JobsStatus.View view = status.of(caller.tenantId(), only);
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode items = body.putArray("items");
            for (JobsStatus.Job job : view.jobs()) {
                ObjectNode item = items.addObject().put("task", job.task()).put("key", job.key()).put("state", job.state().wireName())
                        .put("nextRunAt", text(job.nextRunAt())).put("attempts", job.attempts());
                if (job.lastError() != null) {
                    item.putObject("lastError").put("message", job.lastError()).put("at", text(job.lastErrorAt()));
                }
            }
            ArrayNode system = body.putArray("systemTasks");
            for (JobsStatus.SystemTask task : view.systemTasks()) {
                system.addObject().put("name", task.name()).put("state", task.state().wireName()).put("lastSuccessAt", text(task.lastSuccessAt()))
                        .put("lastFailureAt", text(task.lastFailureAt())).put("consecutiveFailures", task.consecutiveFailures());
            }
            ctx.json(body);
        });
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
