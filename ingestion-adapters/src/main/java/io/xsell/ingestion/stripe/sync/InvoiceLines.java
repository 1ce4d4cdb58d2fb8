package io.xsell.ingestion.stripe.sync;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
        if (!cutShort(invoice)) {
            return;
        }
        JsonObject lines = invoice.getAsJsonObject("lines");
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

    /** Whether the object lists only its first lines ({@code lines.has_more}): then {@link #complete} reads. */
    public static boolean cutShort(JsonObject invoice) {
        JsonElement lines = invoice.get("lines");
        JsonElement hasMore = lines != null && lines.isJsonObject() ? lines.getAsJsonObject().get("has_more") : null;
        return hasMore != null && !hasMore.isJsonNull() && hasMore.getAsBoolean();
    }
}
