package io.xsell.core.port.in;

import io.xsell.core.propensity.PropensityReport;

/** Per line: a model of who adopts it next, its holdout quality against a baseline, and the ranked prospects. */
public interface PropensityUseCase {
    PropensityReport propensity(PropensityQuery query);
}
