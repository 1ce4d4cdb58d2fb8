package io.xsell.core.port.in;

import io.xsell.core.insights.Insight;
import java.util.List;

/** The insight rules over a window's figures: severity, evidence and a recommendation each. */
public interface InsightsUseCase {
    List<Insight> insights(InsightsQuery query);
}
