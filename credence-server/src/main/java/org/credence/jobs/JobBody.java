package org.credence.jobs;

/** The work one job instance does. Throwing makes the job retry later with backoff and keeps the error for people to see. */
@FunctionalInterface
public interface JobBody {
    void run(JobInstance job) throws Exception;
}
