package io.xsell.core.port.in;

import io.xsell.core.analytics.AttachedCohortRetention;

/** Do customers that cross-sold stay longer than single-line customers (months 1 to 12)? */
public interface CohortRetentionUseCase {
    AttachedCohortRetention cohortRetention(CohortRetentionQuery query);
}
