package org.credence.renewal;

import java.math.BigDecimal;
import java.util.List;

/**
 * How an achievement's credentials are renewed: the reminders before expiry (days before it, largest first) and the
 * optional fee recorded when a recipient renews through their link.
 *
 * @param feeAmount   null: renewal is free
 * @param feeCurrency ISO 4217 code, null when there is no fee
 */
public record RenewalPolicy(long achievementId, List<Integer> reminderDays, BigDecimal feeAmount, String feeCurrency) {
    /** Reminders 90, 30 and 7 days before expiry, no fee: what an achievement without its own policy gets. */
    public static final List<Integer> DEFAULT_DAYS = List.of(90, 30, 7);
    /** The most days before expiry a reminder may go out; also how far ahead the expiry scan looks. */
    public static final int MAX_DAYS = 365;

    public RenewalPolicy {
        reminderDays = reminderDays.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    static RenewalPolicy defaults(long achievementId) {
        return new RenewalPolicy(achievementId, DEFAULT_DAYS, null, null);
    }

    /** The renewal window: it opens at the largest reminder (90 days by default) before expiry. */
    int windowDays() {
        return reminderDays.isEmpty() ? DEFAULT_DAYS.get(0) : reminderDays.get(0);
    }
}
