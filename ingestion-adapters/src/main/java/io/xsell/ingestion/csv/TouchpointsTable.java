package io.xsell.ingestion.csv;

import io.xsell.core.model.InvalidFieldException;
import io.xsell.core.model.Touchpoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * touchpoints.csv: a customer reached by a campaign on a day. Campaign ids are checked once every
 * file is read, like customer ids: in a zip, campaigns.csv may come later.
 */
final class TouchpointsTable implements TableReader {
    static final String CAMPAIGN_ID = "campaign_id";

    private final RowCheck check;
    private final PendingReferences references;
    private final ErrorCollector errors;
    private final List<Touchpoint> touchpoints = new ArrayList<>();
    private final List<PendingCampaign> campaignReferences = new ArrayList<>();
    private Col customerId;
    private Col campaignId;
    private Col date;

    record PendingCampaign(int line, String id) {
    }

    TouchpointsTable(ErrorCollector errors, CellParser cells, CustomersTable customers, ProductsTable products) {
        this.errors = errors;
        this.check = new RowCheck(ImportFile.TOUCHPOINTS, errors, cells);
        this.references = new PendingReferences(customers, products, errors);
    }

    @Override
    public boolean begin(Header header) {
        customerId = header.required("customer_id");
        campaignId = header.required(CAMPAIGN_ID);
        date = header.required("date");
        return header.complete();
    }

    @Override
    public void row(Row row) {
        check.start(row);
        String customer = references.customer(row.line(), check.required(customerId));
        String campaign = check.required(campaignId);
        LocalDate day = check.date(date, true);
        if (campaign != null && !errors.full()) {
            campaignReferences.add(new PendingCampaign(row.line(), campaign));
        }
        if (check.passed()) {
            try {
                touchpoints.add(new Touchpoint(customer, campaign, day));
            } catch (InvalidFieldException e) {
                check.fail(e.field().equals(CAMPAIGN_ID) ? campaignId : customerId, e.getMessage());
            }
        }
    }

    PendingReferences pendingReferences() {
        return references;
    }

    List<PendingCampaign> campaignReferences() {
        return campaignReferences;
    }

    List<Touchpoint> touchpoints() {
        return touchpoints;
    }
}
