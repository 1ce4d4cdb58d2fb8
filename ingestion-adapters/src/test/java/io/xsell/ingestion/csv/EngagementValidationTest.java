package io.xsell.ingestion.csv;

import static io.xsell.ingestion.csv.ImportValidationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad engagement input: each names the file, line and column. */
class EngagementValidationTest {
    private static final String CAMPAIGNS = "campaigns.csv";
    private static final String TOUCHPOINTS = "touchpoints.csv";
    private static final String USAGE = "usage_events.csv";

    private final CanonicalCsvImporter importer = new CanonicalCsvImporter();

    @TempDir
    Path dir;

    private static CsvFixture valid() {
        return CsvFixture.valid().with(CAMPAIGNS, EngagementCsv.CAMPAIGNS).with(TOUCHPOINTS, EngagementCsv.TOUCHPOINTS)
                .with(USAGE, EngagementCsv.USAGE);
    }

    private List<ImportError> errorsOf(CsvFixture fixture) {
        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importFolder(fixture.writeTo(dir), "USD"));
        assertThat(thrown).as("import should fail").isNotNull();
        return thrown.errors();
    }

    private void assertOnlyError(CsvFixture fixture, String file, int line, String column, String fragment) {
        assertThat(errorsOf(fixture)).singleElement().satisfies(e -> assertError(e, file, line, column, fragment));
    }

    @Test
    void campaignMissingRequiredColumn() {
        assertOnlyError(valid().replace(CAMPAIGNS, ",channel,", ",medium,"), CAMPAIGNS, 1, "channel",
                "required column 'channel' is missing");
    }

    @Test
    void campaignNegativeCost() {
        assertOnlyError(valid().replace(CAMPAIGNS, ",1200.50,", ",-5,"), CAMPAIGNS, 2, "cost", "cost must be >= 0, was -5");
    }

    @Test
    void campaignBadChannel() {
        assertOnlyError(valid().replace(CAMPAIGNS, ",email,", ",E-Mail,"), CAMPAIGNS, 2, "channel",
                "channel must be a lower-case word");
    }

    @Test
    void campaignEndBeforeStart() {
        assertOnlyError(valid().replace(CAMPAIGNS, "2024-03-31", "2024-02-01"), CAMPAIGNS, 2, "end_date",
                "must not be before start_date");
    }

    @Test
    void campaignBadCurrency() {
        assertOnlyError(valid().replace(CAMPAIGNS, ",EUR,", ",EURO,"), CAMPAIGNS, 3, "currency",
                "'EURO' is not an ISO 4217 currency code");
    }

    @Test
    void campaignDuplicateId() {
        assertOnlyError(valid().replace(CAMPAIGNS, "nudge,,in_app", "spring,,in_app")
                .replace(TOUCHPOINTS, "c2,nudge", "c2,spring"), CAMPAIGNS, 3, "campaign_id",
                "duplicate campaign_id 'spring' (first on line 2)");
    }

    @Test
    void campaignTargetingAnUnknownLine() {
        assertOnlyError(valid().replace(CAMPAIGNS, ",crm\n", ",crn\n"), CAMPAIGNS, 2, "target_product_line",
                "unknown target_product_line 'crn'");
    }

    @Test
    void touchpointOfAnUnknownCustomer() {
        assertOnlyError(valid().replace(TOUCHPOINTS, "c2,nudge", "c9,nudge"), TOUCHPOINTS, 3, "customer_id",
                "unknown customer_id 'c9' (not in customers.csv)");
    }

    @Test
    void touchpointOfAnUnknownCampaign() {
        assertOnlyError(valid().replace(TOUCHPOINTS, "c2,nudge", "c2,nudgy"), TOUCHPOINTS, 3, "campaign_id",
                "unknown campaign_id 'nudgy' (not in campaigns.csv)");
    }

    @Test
    void touchpointsWithoutCampaignsFile() {
        List<ImportError> errors = errorsOf(valid().without(CAMPAIGNS));
        assertThat(errors).extracting(ImportError::file, ImportError::line, ImportError::column)
                .containsExactly(tuple(TOUCHPOINTS, 2, "campaign_id"), tuple(TOUCHPOINTS, 3, "campaign_id"));
    }

    @Test
    void touchpointBadDate() {
        assertOnlyError(valid().replace(TOUCHPOINTS, "2024-03-05", "05.03.2024"), TOUCHPOINTS, 2, "date",
                "'05.03.2024' is not a valid date");
    }

    @Test
    void usageEventOfAnUnknownCustomer() {
        assertOnlyError(valid().replace(USAGE, "c2,export", "c3,export"), USAGE, 4, "customer_id",
                "unknown customer_id 'c3'");
    }

    @Test
    void usageEventCountNotAWholeNumberOfAtLeastOne() {
        assertOnlyError(valid().replace(USAGE, ",7\n", ",0\n"), USAGE, 3, "count", "count must be a whole number >= 1");
        assertOnlyError(valid().replace(USAGE, ",7\n", ",2.5\n"), USAGE, 3, "count", "was '2.5'");
    }

    @Test
    void usageEventMissingFeature() {
        assertOnlyError(valid().replace(USAGE, "c1,reports,", "c1,,"), USAGE, 3, "feature", "feature is required");
    }

    @Test
    void errorsOfEveryEngagementFileAreReportedTogetherAndNothingIsImported() {
        List<ImportError> errors = errorsOf(valid()
                .replace(CAMPAIGNS, ",1200.50,", ",free,")
                .replace(TOUCHPOINTS, "c2,nudge", "c2,nope")
                .replace(USAGE, "2024-03-02,7", "someday,7"));

        assertThat(errors).extracting(ImportError::file, ImportError::line, ImportError::column).containsExactly(
                tuple(CAMPAIGNS, 2, "cost"), tuple(TOUCHPOINTS, 3, "campaign_id"), tuple(USAGE, 3, "date"));
    }
}
