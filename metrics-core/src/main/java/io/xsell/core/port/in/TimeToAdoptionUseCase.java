package io.xsell.core.port.in;

import io.xsell.core.analytics.TimeToAdoption;

/** How long customers take to adopt each line: median and quartiles in days. */
public interface TimeToAdoptionUseCase {
    TimeToAdoption timeToAdoption(TimeToAdoptionQuery query);
}
