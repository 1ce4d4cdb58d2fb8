package io.xsell.reporting.summary;

import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.metrics.UnknownAttributeException;
import io.xsell.core.metrics.Window;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.port.in.CrossSellReportUseCase;
import io.xsell.core.port.in.DisplayNamesUseCase;
import io.xsell.core.port.in.MovementSeriesUseCase;
import io.xsell.core.port.in.PenetrationUseCase;
import io.xsell.core.port.in.SummaryAnalyticsUseCase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Summary} from the metric use cases the REST API answers from, so every figure
 * in it is the API's figure for the same tenant and period. The sections are built in the order
 * of {@link #STANDARD_SECTIONS}; more can be appended with {@link #withSection}.
 */
public final class SummaryService implements BuildSummaryUseCase {
    public static final List<SectionSource> STANDARD_SECTIONS = List.of(
            StandardSections::headlines, StandardSections::mrrTrend, StandardSections::waterfall, StandardSections::productLines,
            StandardSections::segmentPenetration, StandardSections::trajectory, StandardSections::benchmark,
            StandardSections::insights);

    private final CrossSellReportUseCase crossSell;
    private final MovementSeriesUseCase movements;
    private final PenetrationUseCase penetration;
    private final SummaryAnalyticsUseCase analytics;
    private final DisplayNamesUseCase names;
    private final Clock clock;
    private final List<SectionSource> sections;

    public SummaryService(CrossSellReportUseCase crossSell, MovementSeriesUseCase movements,
                          PenetrationUseCase penetration, SummaryAnalyticsUseCase analytics, DisplayNamesUseCase names,
                          Clock clock) {
        this(crossSell, movements, penetration, analytics, names, clock, STANDARD_SECTIONS);
    }

    private SummaryService(CrossSellReportUseCase crossSell, MovementSeriesUseCase movements,
                           PenetrationUseCase penetration, SummaryAnalyticsUseCase analytics, DisplayNamesUseCase names,
                           Clock clock, List<SectionSource> sections) {
        this.names = Objects.requireNonNull(names);
        this.crossSell = Objects.requireNonNull(crossSell);
        this.movements = Objects.requireNonNull(movements);
        this.penetration = Objects.requireNonNull(penetration);
        this.analytics = Objects.requireNonNull(analytics);
        this.clock = Objects.requireNonNull(clock);
        this.sections = List.copyOf(sections);
    }

    /** A service that also builds {@code source}'s section, after the others. */
    public SummaryService withSection(SectionSource source) {
        List<SectionSource> more = new ArrayList<>(sections);
        more.add(source);
        return new SummaryService(crossSell, movements, penetration, analytics, names, clock, more);
    }

    @Override
    public Summary summarize(SummaryRequest request) {
        CrossSellReport current = segmentedIfPossible(request, request.period());
        CrossSellReport previous = crossSell.crossSellReport(
                new CrossSellReportQuery(request.tenant(), request.previousPeriod(), null));
        SummaryContext context = new SummaryContext(request, current, previous, movements, penetration, analytics,
                names.displayNames(request.tenant()));
        List<SummarySection> built = new ArrayList<>();
        for (SectionSource source : sections) {
            source.build(context).ifPresent(built::add);
        }
        return new Summary(request.tenantName(), current.currency(),
                request.cadence() == null ? null : request.cadence().code(), request.period(),
                request.previousPeriod(), clock.instant(), built);
    }

    /** The period's report segmented on the request's attribute, or unsegmented when no customer has it. */
    private CrossSellReport segmentedIfPossible(SummaryRequest request, Window window) {
        if (request.segmentBy() != null) {
            try {
                return crossSell.crossSellReport(new CrossSellReportQuery(request.tenant(), window, request.segmentBy()));
            } catch (UnknownAttributeException e) {
                // The segment section is optional: a tenant without the attribute still gets the rest.
            }
        }
        return crossSell.crossSellReport(new CrossSellReportQuery(request.tenant(), window, null));
    }
}
