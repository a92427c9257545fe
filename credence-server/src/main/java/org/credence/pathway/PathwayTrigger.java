package org.credence.pathway;

import java.time.Instant;
import java.util.List;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuanceListener;
import org.credence.issuance.IssuedCredential;
import org.credence.jobs.Jobs;
import org.credence.tenant.Tenant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Told of each new credential inside its issuing transaction: when its achievement is a component of a
 * pathway, queues a {@link PathwayCompletion#TASK} job per pathway in that transaction. The issuing
 * transaction grows by one indexed read (and an insert per pathway), the check runs after it, and a crash
 * between the two loses nothing: the job committed with the credential.
 */
public final class PathwayTrigger implements IssuanceListener {
    private final Jdbi jdbi;
    private final Jobs jobs;

    public PathwayTrigger(Jdbi jdbi, Jobs jobs) {
        this.jdbi = jdbi;
        this.jobs = jobs;
    }

    @Override
    public void issued(Handle h, Tenant tenant, IssuedCredential credential, boolean notify) {
        if (enqueue(h, credential, notify)) {
            h.afterCommit(jobs::wake);
        }
    }

    /** A batch: one look-up per achievement among the batch's credentials (a bulk job's batch has one), not one per credential. */
    @Override
    public void issuedAll(Handle h, Tenant tenant, List<IssuedCredential> credentials, List<Boolean> notify) {
        java.util.Map<Long, List<Long>> byAchievement = new java.util.HashMap<>();
        boolean queued = false;
        for (int i = 0; i < credentials.size(); i++) {
            IssuedCredential credential = credentials.get(i);
            List<Long> pathways = byAchievement.computeIfAbsent(credential.achievementId(),
                    achievement -> PathwayStore.requiring(h, credential.tenantId(), achievement));
            queued |= enqueue(h, credential, notify.get(i), pathways);
        }
        if (queued) {
            h.afterCommit(jobs::wake);
        }
    }

    /**
     * A credential's state changed (told its number after the change committed): a reinstated component may
     * complete a pathway now, so its pathways are checked again.
     */
    public void changed(String number) {
        boolean queued = jdbi.inTransaction(h -> CredentialStore.byNumber(h, number)
                .filter(c -> c.state().equals("active"))
                .map(c -> enqueue(h, c, true)).orElse(false));
        if (queued) {
            jobs.wake();
        }
    }

    private boolean enqueue(Handle h, IssuedCredential credential, boolean notify) {
        return enqueue(h, credential, notify, PathwayStore.requiring(h, credential.tenantId(), credential.achievementId()));
    }

    private static boolean enqueue(Handle h, IssuedCredential credential, boolean notify, List<Long> pathways) {
        for (long pathway : pathways) {
            // due now by the wall clock, which the scheduler runs on (not the business clock a test may move)
            Jobs.enqueue(h, PathwayCompletion.TASK, credential.tenantId(), PathwayCompletion.key(pathway, credential.id(), notify), Instant.now());
        }
        return !pathways.isEmpty();
    }
}
