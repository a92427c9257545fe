package org.credence.bulk;

import java.util.Map;

/**
 * Limits of bulk issuance, from the environment.
 *
 * @param maxUploadBytes an upload over this is refused before it is read whole ({@code CREDENCE_BULK_MAX_UPLOAD_MB}, default 100)
 * @param attachUpTo     where mail attaches certificates ({@code CREDENCE_MAIL_ATTACH_PDF=true}), jobs of at most this many rows
 *                       attach the certificate PDF to their mails; larger ones link to it ({@code CREDENCE_BULK_ATTACH_PDF_MAX_ROWS},
 *                       default 1000)
 * @param batchSize      rows issued per batch, in one transaction ({@code CREDENCE_BULK_BATCH_ROWS}, default 500); a crash
 *                       repeats at most one batch, which gets its credentials back
 * @param mailPerSecond  while a job runs, mail goes out at most this many a second, behind the job rather than beside it on
 *                       the same cores ({@code CREDENCE_BULK_MAIL_PER_SECOND}, default 50; 0: no limit); at full speed after
 */
public record BulkSettings(long maxUploadBytes, int attachUpTo, int batchSize, int mailPerSecond) {
    public static final BulkSettings DEFAULTS = new BulkSettings(100L << 20, 1000, 500, 50);


    /** These limits where mail attaches certificates at all ({@code attach}); else every job's mail links to them (attachUpTo 0). */
    public BulkSettings attachingPdfs(boolean attach) {
        return attach ? this : new BulkSettings(maxUploadBytes, 0, batchSize, mailPerSecond);
    }

    public static BulkSettings fromEnvironment(Map<String, String> env) {
        long megabytes = number(env, "CREDENCE_BULK_MAX_UPLOAD_MB", DEFAULTS.maxUploadBytes >> 20);
        long attach = number(env, "CREDENCE_BULK_ATTACH_PDF_MAX_ROWS", DEFAULTS.attachUpTo);
        long batch = number(env, "CREDENCE_BULK_BATCH_ROWS", DEFAULTS.batchSize);
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("CREDENCE_BULK_BATCH_ROWS must be from 1 to 10000 (it is " + batch + ")");
        }
        long mail = number(env, "CREDENCE_BULK_MAIL_PER_SECOND", DEFAULTS.mailPerSecond);
        return new BulkSettings(megabytes << 20, (int) Math.min(Integer.MAX_VALUE, attach), (int) batch, (int) Math.min(Integer.MAX_VALUE, mail));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 0 (it is '" + text + "')");
    }
}
