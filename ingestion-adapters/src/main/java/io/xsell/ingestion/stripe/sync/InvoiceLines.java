package io.xsell.ingestion.stripe.sync;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.xsell.ingestion.stripe.api.StripeApi;
import io.xsell.ingestion.stripe.api.StripePage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Lists and events carry an invoice's first lines only; the rest come from its lines endpoint. */
public final class InvoiceLines {
    private InvoiceLines() {
    }

    /** An invoice lists its first lines only; the rest are read from its lines endpoint. */
    public static void complete(StripeApi api, JsonObject invoice) {
        JsonObject lines = invoice.getAsJsonObject("lines");
        if (lines == null || lines.get("has_more") == null || !lines.get("has_more").getAsBoolean()) {
            return;
        }
        JsonArray data = lines.getAsJsonArray("data");
        String cursor = data.isEmpty() ? null : data.get(data.size() - 1).getAsJsonObject().get("id").getAsString();
        String path = "/v1/invoices/" + invoice.get("id").getAsString() + "/lines";
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", Integer.toString(StripeList.PAGE_SIZE));
            if (cursor != null) {
                query.put("starting_after", cursor);
            }
            StripePage page = api.list(path, query);
            for (int i = 0; i < page.size(); i++) {
                data.add(page.object(i));
            }
            if (!page.hasMore() || page.isEmpty()) {
                break;
            }
            cursor = page.lastId();
        }
        lines.addProperty("has_more", false);
    }
}
