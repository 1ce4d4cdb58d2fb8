package io.xsell.ingestion.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.engagement.CampaignReport;
import io.xsell.core.engagement.EngagementIndex;
import io.xsell.core.engagement.EngagementReport;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticEngagementGeneratorTest {
    private static final SyntheticAccountSpec SPEC = SyntheticAccountSpec.defaults(7, 3000);
    private static final Window LAST_YEAR = Window.of("2025-11-01", "2026-11-01");

    @TempDir
    Path folder;

    private static TenantDataset generate() {
        return SyntheticEngagementGenerator.withEngagement(SyntheticAccountGenerator.generate(SPEC), SPEC.seed(),
                SPEC.historyEnd());
    }

    @Test
    void givesTheAnalyticsSomethingToFind() {
        TenantDataset dataset = generate();
        EngagementData data = dataset.engagement();
        assertThat(data.campaigns()).anySatisfy(c -> assertThat(c.cost()).isZero());
        assertThat(data.campaigns()).anySatisfy(c -> assertThat(c.targetProductLine()).isNotNull());
        assertThat(data.touchpoints()).isNotEmpty();
        assertThat(data.usage().size()).isGreaterThan(3000);

        EngagementIndex index = EngagementIndex.of(MrrLedger.of(dataset), data);
        CampaignReport campaigns = CampaignReport.of(index, dataset.fxRates(), LAST_YEAR, 30, 12);
        assertThat(campaigns.attributedCrossSellMrr()).isPositive();
        assertThat(campaigns.unattributedCrossSellMrr()).isPositive();
        assertThat(campaigns.uplift().upliftPctPoints()).isPositive();
        EngagementReport engagement = EngagementReport.of(index, LAST_YEAR);
        assertThat(engagement.features()).hasSizeGreaterThan(3);
        assertThat(engagement.quartiles().get(3).customerCrossSellRatePct())
                .isGreaterThan(engagement.quartiles().get(0).customerCrossSellRatePct());
    }

    @Test
    void isDeterministicForASeed() {
        TenantDataset a = generate();
        TenantDataset b = generate();
        assertThat(a.engagement().campaigns()).isEqualTo(b.engagement().campaigns());
        assertThat(a.engagement().touchpoints()).isEqualTo(b.engagement().touchpoints());
        assertThat(events(a.engagement())).isEqualTo(events(b.engagement()));
    }

    @Test
    void theCsvWriterWritesItAndTheImporterReadsItBack() throws IOException {
        TenantDataset dataset = generate();
        CanonicalCsvWriter.write(dataset, folder);

        TenantDataset back = new CanonicalCsvImporter().importFolder(folder, dataset.reportingCurrency());

        assertThat(back.engagement().campaigns()).isEqualTo(dataset.engagement().campaigns());
        assertThat(back.engagement().touchpoints()).isEqualTo(dataset.engagement().touchpoints());
        assertThat(events(back.engagement())).isEqualTo(events(dataset.engagement()));
    }

    private static List<String> events(EngagementData data) {
        List<String> events = new ArrayList<>();
        data.usage().forEach((c, f, d, n) -> events.add(c + "|" + f + "|" + d + "|" + n));
        return events;
    }
}
