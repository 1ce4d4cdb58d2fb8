package io.xsell.core.metrics;

import io.xsell.core.movement.MovementType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One period of a movement series: MRR on the day before it starts and on its last day, and the
 * sum of each movement type inside it. {@code endingMrr = startingMrr + sum of movements}.
 */
public record PeriodMovements(Window period, BigDecimal startingMrr, BigDecimal endingMrr,
                              Map<MovementType, BigDecimal> movements) {
    public PeriodMovements {
        movements = Map.copyOf(movements);
    }
}
