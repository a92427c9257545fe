package org.credence.insights.marketing;

import org.credence.insights.Figure;

/**
 * The result of the what-if calculator.
 *
 * @param shares               recipients × share rate
 * @param impressions          shares × impressions per share, to the whole impression
 * @param equivalentMediaValue impressions ÷ 1000 × CPM, to the currency's minor unit
 */
public record WhatIf(Figure shares, Figure impressions, Figure equivalentMediaValue) {
}
