package io.xsell.core.port.in;

import io.xsell.core.analytics.BasketAnalysis;

/** Which lines go together (support, confidence, lift) and in which order customers adopt them. */
public interface BasketUseCase {
    BasketAnalysis basket(BasketQuery query);
}
