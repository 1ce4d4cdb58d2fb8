package io.xsell.core.port.in;

import io.xsell.core.metrics.PenetrationReport;

/** Which lines the active customers hold on a day, and how many each. */
public interface PenetrationUseCase {
    PenetrationReport penetration(PenetrationQuery query);
}
