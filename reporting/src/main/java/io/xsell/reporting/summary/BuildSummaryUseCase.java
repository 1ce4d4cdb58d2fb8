package io.xsell.reporting.summary;

/** Summarises a tenant's cross-sell over a period. */
public interface BuildSummaryUseCase {
    Summary summarize(SummaryRequest request);
}
