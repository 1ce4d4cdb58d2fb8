package io.xsell.core.port.in;

import io.xsell.core.analytics.ChurnRiskCorrelation;

/** Whether customers holding more lines churn less. */
public interface ChurnRiskUseCase {
    ChurnRiskCorrelation churnRisk(ChurnRiskQuery query);
}
