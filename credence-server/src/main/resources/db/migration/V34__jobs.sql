-- Persistent jobs (db-scheduler's own table, its PostgreSQL layout) and the last error of each failing job.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- db-scheduler keeps when a job failed but not why: the reason a person needs is kept here, per job instance
CREATE TABLE job_errors (
    task_name        text        NOT NULL,
    task_instance    text        NOT NULL,
    tenant_id        bigint,
    attempts         int         NOT NULL,
    last_error       text        NOT NULL,
    first_failed_at  timestamptz NOT NULL,
    last_failed_at   timestamptz NOT NULL,
    gave_up          boolean     NOT NULL DEFAULT false,
    recovered_at     timestamptz,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX job_errors_tenant ON job_errors (tenant_id, last_failed_at DESC);
