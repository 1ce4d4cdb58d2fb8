package io.xsell.ingestion.csv;

/** Valid engagement files matching {@link CsvFixture#valid()}'s customers and product lines. */
final class EngagementCsv {
    static final String CAMPAIGNS = """
            campaign_id,name,channel,cost,currency,start_date,end_date,target_product_line
            spring,Spring CRM push,email,1200.50,USD,2024-03-01,2024-03-31,crm
            nudge,,in_app,0,EUR,2024-01-01,,
            """;
    static final String TOUCHPOINTS = """
            customer_id,campaign_id,date
            c1,spring,2024-03-05
            c2,nudge,2024-02-01
            """;
    static final String USAGE = """
            customer_id,feature,date,count
            c1,export,2024-03-01,
            c1,reports,2024-03-02,7
            c2,export,2024-03-02,1
            """;

    private EngagementCsv() {
    }
}
