package io.xsell.core.port.in;

import io.xsell.core.metrics.CrossSellReport;

/** Reports how well a tenant cross-sold in a window (spec/metrics.md sections 4 and 5). */
public interface CrossSellReportUseCase {

    /** @throws io.xsell.core.metrics.UnknownAttributeException when no customer has the segment attribute */
    CrossSellReport crossSellReport(CrossSellReportQuery query);
}
