package io.xsell.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Bootstrap;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.metrics.Window;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.service.MetricsService;
import io.xsell.server.api.CrossSellReportJson;
import io.xsell.server.api.JsonMapper;
import io.xsell.core.insights.InsightEngine;
import io.xsell.core.port.in.BasketQuery;
import io.xsell.core.port.in.ChurnRiskQuery;
import io.xsell.core.port.in.CohortRetentionQuery;
import io.xsell.core.port.in.InsightsQuery;
import io.xsell.core.port.in.LifetimeValueQuery;
import io.xsell.core.port.in.ProductsPerCustomerQuery;
import io.xsell.core.port.in.PropensityQuery;
import io.xsell.core.port.in.TimeToAdoptionQuery;
import io.xsell.core.port.in.CampaignAnalyticsQuery;
import io.xsell.core.port.in.EngagementAnalyticsQuery;
import io.xsell.core.port.in.JourneyAnalyticsQuery;
import io.xsell.core.service.AnalyticsService;
import io.xsell.core.service.EngagementAnalyticsService;
import io.xsell.server.api.CampaignReportJson;
import io.xsell.server.api.EngagementReportJson;
import io.xsell.server.api.JourneyReportJson;
import io.xsell.server.api.AnalyticsReportJson;
import io.xsell.server.api.BasketJson;
import io.xsell.server.api.ChurnRiskJson;
import io.xsell.server.api.CohortRetentionJson;
import io.xsell.server.api.InsightsJson;
import io.xsell.server.api.LifetimeValueJson;
import io.xsell.server.api.ProductsPerCustomerJson;
import io.xsell.server.api.PropensityJson;
import io.xsell.server.api.ReportWithAnalyticsJson;
import io.xsell.server.api.TimeToAdoptionJson;
import io.xsell.server.propensity.TribuoLogisticTrainer;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import net.sourceforge.argparse4j.impl.Arguments;
import java.nio.file.Path;
import java.time.LocalDate;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code report --data DIR --from D --to D [--segment-by ATTR] [--analytics]}: the cross-sell window
 * report of a canonical CSV folder (or zip), printed as the exact JSON body of
 * {@code GET /v1/metrics/cross-sell}; with {@code --analytics}, plus an {@code analytics} object
 * holding the body of every {@code GET /v1/analytics/...} endpoint for the window (campaigns,
 * journeys and engagement from the folder's optional engagement CSVs, empty without them).
 * On bad input nothing reaches stdout and every error goes to stderr.
 */
public class ReportCommand extends CsvFolderCommand {

    public ReportCommand() {
        super("report", "Print the cross-sell report of a canonical CSV folder or zip as JSON", "reported");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--data").required(true).metavar("DIR")
                .help("canonical CSV import: a folder or a .zip (see docs/import.md)");
        subparser.addArgument("--from").required(true).metavar("YYYY-MM-DD").help("first day of the window");
        subparser.addArgument("--to").required(true).metavar("YYYY-MM-DD").help("first day after the window");
        subparser.addArgument("--segment-by").dest("segment_by").metavar("ATTRIBUTE")
                .help("customer attribute to segment on (segment, industry, ...)");
        subparser.addArgument("--currency").metavar("CODE")
                .help("reporting currency; default: the items' currency when they all share one");
        subparser.addArgument("--analytics").dest("analytics").action(Arguments.storeTrue())
                .help("add every analytic (basket, time to adoption, churn risk, cohorts, products per customer, "
                        + "CLV, insights, propensity, campaigns, journeys, engagement) under \"analytics\"");
        subparser.addArgument("--cohort-month").dest("cohort_month").metavar("YYYY-MM")
                .help("with --analytics: the attached cohort's month (default: the one the insights use)");
        subparser.addArgument("--gross-margin").dest("gross_margin").metavar("FRACTION").setDefault("0.80")
                .help("with --analytics: CLV margin of lines whose products declare none (default 0.80)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Path data = CommandArguments.existing(namespace, "data");
        Window window = CommandArguments.window(namespace);
        LocalTenant local = LocalTenant.load(data, namespace.getString("currency"));
        MetricsService service = local.metrics();
        String segmentBy = namespace.getString("segment_by");
        CrossSellReport report = service.crossSellReport(new CrossSellReportQuery(LOCAL, window, segmentBy));
        DisplayNames names = DisplayNames.ofProducts(local.dataset().products());
        ObjectMapper mapper = JsonMapper.forPeople(bootstrap.getObjectMapper().copy());
        // Rendered fully before anything is printed, so a failure leaves stdout empty.
        String json;
        if (Boolean.TRUE.equals(namespace.getBoolean("analytics"))) {
            json = mapper.writeValueAsString(new ReportWithAnalyticsJson(CrossSellReportJson.of(report, names),
                    analytics(local, window, segmentBy, report.currency(), namespace)));
        } else {
            json = mapper.writeValueAsString(CrossSellReportJson.of(report, names));
        }
        System.out.println(json);
        System.out.flush();
    }

    /** Every analytic of the window, each the body of its endpoint, from the ledger the report priced. */
    private static AnalyticsReportJson analytics(LocalTenant local, Window window, String segmentBy, String currency,
                                                 Namespace namespace) {
        AnalyticsService analytics = new AnalyticsService(local.metrics(), new TribuoLogisticTrainer());
        EngagementAnalyticsService engagement = local.engagement();
        LocalDate lastDay = window.to().minusDays(1);
        YearMonth cohort = namespace.getString("cohort_month") != null
                ? CommandArguments.month(namespace, "cohort_month")
                : Objects.requireNonNullElse(InsightEngine.cohortMonth(window), YearMonth.from(window.from()));
        BigDecimal margin = CommandArguments.fraction(namespace, "gross_margin");
        return new AnalyticsReportJson(
                BasketJson.of(analytics.basket(new BasketQuery(LOCAL, lastDay))),
                TimeToAdoptionJson.of(window, analytics.timeToAdoption(new TimeToAdoptionQuery(LOCAL, window))),
                ChurnRiskJson.of(analytics.churnRisk(new ChurnRiskQuery(LOCAL, window))),
                CohortRetentionJson.of(analytics.cohortRetention(new CohortRetentionQuery(LOCAL, cohort))),
                ProductsPerCustomerJson.of(analytics.productsPerCustomer(new ProductsPerCustomerQuery(LOCAL, window))),
                LifetimeValueJson.of(analytics.lifetimeValue(new LifetimeValueQuery(LOCAL, window, margin)), currency),
                InsightsJson.of(window, segmentBy, analytics.insights(new InsightsQuery(LOCAL, window, segmentBy))),
                // the endpoint's defaults, scored on the window's last day
                PropensityJson.of(analytics.propensity(new PropensityQuery(LOCAL, lastDay,
                        PropensityQuery.DEFAULT_HORIZON_DAYS, PropensityQuery.DEFAULT_TRAIN_CUTOFFS, segmentBy, null,
                        PropensityQuery.DEFAULT_LIMIT))),
                CampaignReportJson.of(engagement.campaignAnalytics(CampaignAnalyticsQuery.of(LOCAL, window))),
                JourneyReportJson.of(engagement.journeys(JourneyAnalyticsQuery.of(LOCAL, window))),
                EngagementReportJson.of(engagement.engagement(new EngagementAnalyticsQuery(LOCAL, window))));
    }
}
