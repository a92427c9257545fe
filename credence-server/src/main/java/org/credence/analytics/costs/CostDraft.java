package org.credence.analytics.costs;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cost line as someone enters or corrects it. {@link ProgramCostLedger} checks it.
 *
 * @param achievementId  the achievement it belongs to, or null for the whole program
 * @param incurredOn     the day it was incurred, or the first day of the period it covers
 * @param incurredUntil  the last day (inclusive) of that period; null for a one-day cost
 * @param amount         the amount; ignored (may be null) for staff, whose amount is hours × hourlyRate
 * @param currency       ISO 4217 code, e.g. {@code EUR}
 * @param hours          staff only: the hours worked
 * @param hourlyRate     staff only: the loaded rate per hour
 * @param note           free text, may be empty
 */
public record CostDraft(Long achievementId, CostCategory category, LocalDate incurredOn, LocalDate incurredUntil, BigDecimal amount,
                        String currency, BigDecimal hours, BigDecimal hourlyRate, String note) {}
