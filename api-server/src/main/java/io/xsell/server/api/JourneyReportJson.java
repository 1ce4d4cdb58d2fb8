package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.engagement.JourneyReport;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code GET /v1/analytics/journeys}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JourneyReportJson(String from, String to, int adoptionDays, List<Channel> channels) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Channel(String channel, int campaigns, long touchedCustomers, long adoptedCustomers,
                          BigDecimal adoptionRatePct, BigDecimal medianDaysToAdoption, BigDecimal p25DaysToAdoption,
                          BigDecimal p75DaysToAdoption) {
    }

    public static JourneyReportJson of(JourneyReport r) {
        return new JourneyReportJson(r.window().from().toString(), r.window().to().toString(), r.adoptionDays(),
                r.channels().stream().map(c -> new Channel(c.channel(), c.campaigns(), c.touchedCustomers(),
                        c.adoptedCustomers(), present(c.adoptionRatePct()), present(c.medianDaysToAdoption()),
                        present(c.p25DaysToAdoption()), present(c.p75DaysToAdoption()))).toList());
    }
}
