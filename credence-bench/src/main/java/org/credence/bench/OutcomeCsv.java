package org.credence.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Outcome files (CSV, the columns an LMS/CRM/HRIS export names) for the ROI-layers benchmark, made to fit the simulator's
 * tenant: a share of the people are its recipients ({@code recipient-N@example.org}, as {@code Simulation} names them), so
 * imports match them by hashed e-mail and the earner-vs-not splits have both groups. Seeded, so every run imports the same
 * rows; earners complete, win and stay a little more often, so the comparisons are not all zero.
 */
final class OutcomeCsv {
    /** Days of outcome history before the simulation's end: the outcome answers' default scope is three years. */
    private static final int HISTORY_DAYS = 3 * 365 - 30;
    private static final String[] ROLES = {"analyst", "engineer", "consultant"};
    private static final String[] LEAD_SOURCES = {"web", "event", "partner"};
    private final int recipients;
    private final LocalDate first;
    private final LocalDate end;

    /**
     * @param recipients how many recipients the simulator made (their e-mail addresses are {@code recipient-0…})
     * @param end        the simulation's end (exclusive): nothing happens on or after it
     */
    OutcomeCsv(int recipients, LocalDate end) {
        this.recipients = recipients;
        this.end = end;
        this.first = end.minusDays(HISTORY_DAYS);
    }

    private String recipient(long i) {
        return "recipient-" + Math.floorMod(i, recipients) + "@example.org";
    }

    private LocalDate day(SplittableRandom random) {
        return first.plusDays(random.nextInt(HISTORY_DAYS));
    }

    /** LMS enrolments, two per person: a course mapped to an achievement ({@code courses}), then often an elective. */
    byte[] enrolments(int rows, List<String> courses) {
        SplittableRandom random = new SplittableRandom(13);
        StringBuilder csv = new StringBuilder("id,email,course_id,enrolled_at,completed_at,progress\n");
        for (int person = 0; person * 2 < rows; person++) {
            boolean earner = person % 2 == 0;
            String email = earner ? recipient(person * 7L) : "learner-" + person + "@bench.example";
            LocalDate enrolled = day(random);
            LocalDate completed = random.nextDouble() < (earner ? 0.7 : 0.45) ? enrolled.plusDays(10 + random.nextInt(110)) : null;
            enrolment(csv, "e" + person + "a", email, courses.get(person % courses.size()), enrolled, completed, random);
            if (person * 2 + 1 < rows) {
                LocalDate again = (completed == null ? enrolled : completed).plusDays(5 + random.nextInt(random.nextDouble() < (earner ? 0.4 : 0.25) ? 170 : 500));
                LocalDate electiveDone = random.nextDouble() < 0.35 ? again.plusDays(10 + random.nextInt(110)) : null;
                enrolment(csv, "e" + person + "b", email, "elective-" + (1 + person % 2), again, electiveDone, random);
            }
        }
        return bytes(csv);
    }

    private void enrolment(StringBuilder csv, String id, String email, String course, LocalDate enrolled, LocalDate completed, SplittableRandom random) {
        if (!enrolled.isBefore(end)) {
            enrolled = end.minusDays(1);
        }
        boolean done = completed != null && completed.isBefore(end);
        csv.append(id).append(',').append(email).append(',').append(course).append(',').append(enrolled).append(',')
                .append(done ? completed.toString() : "").append(',').append(done ? 100 : random.nextInt(90)).append('\n');
    }

    /** CRM contacts: a third of them recipients; one in twenty came by a credential link ({@code utm_source=credence}). */
    byte[] contacts(int rows, List<String> campaigns) {
        SplittableRandom random = new SplittableRandom(17);
        StringBuilder csv = new StringBuilder("id,email,account_id,lead_source,utm_source,utm_campaign,created_at\n");
        for (int i = 0; i < rows; i++) {
            String email = i % 3 == 0 ? recipient(i * 13L) : "contact-" + i + "@bench.example";
            boolean referral = i % 20 == 0;
            csv.append('c').append(i).append(',').append(email).append(",a").append(i % 5000).append(',')
                    .append(referral ? "" : LEAD_SOURCES[i % LEAD_SOURCES.length]).append(',').append(referral ? "credence" : "").append(',')
                    .append(referral ? campaigns.get(i % campaigns.size()) : "").append(',').append(day(random)).append('\n');
        }
        return bytes(csv);
    }

    /** CRM opportunities of those contacts (recipients' contacts win a little more and a little larger). */
    byte[] opportunities(int rows, int contacts) {
        SplittableRandom random = new SplittableRandom(19);
        StringBuilder csv = new StringBuilder("id,contact_id,account_id,stage,amount,currency,created_at,closed_at,outcome\n");
        for (int i = 0; i < rows; i++) {
            int contact = i % contacts;
            boolean earner = contact % 3 == 0;
            LocalDate created = day(random);
            double u = random.nextDouble();
            String outcome = u < (earner ? 0.40 : 0.30) ? "won" : u < 0.80 ? "lost" : "open";
            LocalDate closed = outcome.equals("open") ? null : created.plusDays(10 + random.nextInt(60));
            if (closed != null && !closed.isBefore(end)) {
                outcome = "open";
                closed = null;
            }
            double amount = Math.exp((earner ? 9.25 : 9.0) + 0.6 * random.nextGaussian()) ;
            csv.append('o').append(i).append(",c").append(contact).append(",a").append(contact % 5000).append(',')
                    .append(outcome.equals("open") ? "proposal" : "closed").append(',').append(String.format("%.2f", amount)).append(',')
                    .append(i % 7 == 0 ? "NOK" : "EUR").append(',').append(created).append(',').append(closed == null ? "" : closed.toString())
                    .append(',').append(outcome).append('\n');
        }
        return bytes(csv);
    }

    /** HRIS employees: three in five recipients, ramping up faster and leaving less often. */
    byte[] employees(int rows) {
        SplittableRandom random = new SplittableRandom(23);
        StringBuilder csv = new StringBuilder("id,email,role,hired_on,productive_on,terminated_on\n");
        for (int i = 0; i < rows; i++) {
            boolean earner = i % 5 < 3;
            String email = earner ? recipient(i * 17L) : "employee-" + i + "@bench.example";
            LocalDate hired = day(random);
            LocalDate productive = hired.plusDays(20 + (long) (-(earner ? 60 : 80) * Math.log(1 - random.nextDouble())));
            int months = (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - (earner ? 0.015 : 0.025)));
            LocalDate terminated = hired.plusMonths(months).plusDays(random.nextInt(28));
            if (!terminated.isBefore(end)) {
                terminated = null;
            }
            if (!productive.isBefore(end) || (terminated != null && !productive.isBefore(terminated))) {
                productive = null;
            }
            csv.append('h').append(i).append(',').append(email).append(',').append(ROLES[i % ROLES.length]).append(',').append(hired).append(',')
                    .append(productive == null ? "" : productive.toString()).append(',').append(terminated == null ? "" : terminated.toString())
                    .append('\n');
        }
        return bytes(csv);
    }

    private static byte[] bytes(StringBuilder csv) {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
