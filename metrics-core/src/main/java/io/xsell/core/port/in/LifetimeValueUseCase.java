package io.xsell.core.port.in;

import io.xsell.core.analytics.LifetimeValue;

/** Customer lifetime value, overall and for single- against multi-line customers. */
public interface LifetimeValueUseCase {
    LifetimeValue lifetimeValue(LifetimeValueQuery query);
}
