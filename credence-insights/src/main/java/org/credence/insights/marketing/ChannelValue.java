package org.credence.insights.marketing;

import org.credence.insights.Channel;
import org.credence.insights.Figure;

/**
 * The marketing value of one channel.
 *
 * @param channel               the channel
 * @param impressions           credentials shared there × impressions per share
 * @param equivalentMediaValue  impressions ÷ 1000 × CPM, in the assumptions' currency
 */
public record ChannelValue(Channel channel, Figure impressions, Figure equivalentMediaValue) {
}
