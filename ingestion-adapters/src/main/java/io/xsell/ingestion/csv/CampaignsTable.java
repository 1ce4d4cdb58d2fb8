package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.IntSequence;
import io.xsell.core.model.InvalidFieldException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** campaigns.csv: what each cross-sell motion is, costs, and which line it promotes. */
final class CampaignsTable implements TableReader {
    private final RowCheck check;
    private final List<Campaign> campaigns = new ArrayList<>();
    private final IntSequence campaignLines = new IntSequence(); // the line of each row kept
    private final IdLineIndex ids = new IdLineIndex();
    private Col campaignId;
    private Col name;
    private Col channel;
    private Col cost;
    private Col currency;
    private Col startDate;
    private Col endDate;
    private Col targetLine;
    private boolean read;

    CampaignsTable(ErrorCollector errors, CellParser cells) {
        this.check = new RowCheck(ImportFile.CAMPAIGNS, errors, cells);
    }

    @Override
    public boolean begin(Header header) {
        campaignId = header.required("campaign_id");
        name = header.optional("name");
        channel = header.required("channel");
        cost = header.required("cost");
        currency = header.required("currency");
        startDate = header.required("start_date");
        endDate = header.optional("end_date");
        targetLine = header.optional("target_product_line");
        read = header.complete();
        return read;
    }

    @Override
    public void stopped() {
        read = false;
    }

    @Override
    public void row(Row row) {
        check.start(row);
        String id = check.required(campaignId);
        if (id != null) {
            int first = ids.putIfAbsent(id, row.line());
            if (first != 0) {
                check.fail(campaignId, "duplicate campaign_id " + Bounds.quote(id) + " (first on line " + first + ")");
            }
        }
        String label = check.text(name);
        String channelCode = check.required(channel);
        BigDecimal amount = check.nonNegative(cost, true);
        String code = check.currency(currency);
        LocalDate start = check.date(startDate, true);
        LocalDate end = check.date(endDate, false);
        String line = check.text(targetLine);
        if (check.passed()) {
            try {
                campaigns.add(new Campaign(id, label, channelCode, amount, code, start, end, line));
                campaignLines.add(row.line());
            } catch (InvalidFieldException e) {
                check.fail(column(e.field()), e.getMessage());
            }
        }
    }

    private Col column(String field) {
        return switch (field) {
            case "channel" -> channel;
            case "end_date" -> endDate;
            case "cost" -> cost;
            case "currency" -> currency;
            case "start_date" -> startDate;
            default -> campaignId;
        };
    }

    boolean read() {
        return read;
    }

    IdLineIndex ids() {
        return ids;
    }

    List<Campaign> campaigns() {
        return campaigns;
    }

    /** The line of the i-th built campaign. */
    int line(int index) {
        return campaignLines.get(index);
    }
}
