package org.credence.survey;

import java.time.Instant;
import java.util.List;

/**
 * The survey of one achievement: when earners are invited, the one reminder, how long a wave stays open,
 * and the custom items asked after the standard ones ({@link StandardItems}).
 *
 * @param configured  false for the defaults of an achievement whose survey was never saved (nothing is sent then)
 * @param waveMonths  months after issuance at which earners are invited, e.g. [6, 12]
 * @param reminderDays days after an unanswered invitation its one reminder goes out
 * @param openDays    days after an invitation its link stops working (the wave closes for that person)
 * @param currency    ISO 4217 code of the monetary-impact item
 */
public record Survey(long achievementId, boolean configured, boolean enabled, List<Integer> waveMonths, int reminderDays, int openDays,
                     String currency, List<SurveyItem> items, String updatedBy, Instant updatedAt) {
    public static final List<Integer> DEFAULT_WAVES = List.of(6, 12);
    public static final int DEFAULT_REMINDER_DAYS = 7;
    public static final int DEFAULT_OPEN_DAYS = 30;

    public Survey {
        waveMonths = List.copyOf(waveMonths);
        items = List.copyOf(items);
    }

    /** What an achievement's survey is before anyone saved it: not sent. */
    static Survey defaults(long achievementId) {
        return new Survey(achievementId, false, false, DEFAULT_WAVES, DEFAULT_REMINDER_DAYS, DEFAULT_OPEN_DAYS, "EUR", List.of(), null, null);
    }
}
