package io.xsell.core.port.in;

import io.xsell.core.metrics.PeriodMovements;
import java.util.List;

/** Per period of a window: MRR at start and end and the sum of each movement type. */
public interface MovementSeriesUseCase {
    List<PeriodMovements> movementSeries(MovementSeriesQuery query);
}
