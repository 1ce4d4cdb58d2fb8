package io.xsell.core.port.in;

import io.xsell.core.insights.InsightsAnswer;

/** The insight rules over a window's figures: severity, evidence and a recommendation each, and what was suppressed. */
public interface InsightsUseCase {
    InsightsAnswer insights(InsightsQuery query);
}
