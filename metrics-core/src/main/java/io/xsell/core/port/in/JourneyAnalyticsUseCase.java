package io.xsell.core.port.in;

import io.xsell.core.engagement.JourneyReport;

/** Per channel: customers touched, how many adopted a line within N days, and how fast. */
public interface JourneyAnalyticsUseCase {
    JourneyReport journeys(JourneyAnalyticsQuery query);
}
