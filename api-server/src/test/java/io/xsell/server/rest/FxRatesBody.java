package io.xsell.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.xsell.core.model.FxRate;
import java.util.List;

/** The {@code fx_rates} of a connection request, as a client writes them. */
final class FxRatesBody {
    private FxRatesBody() {
    }

    static ArrayNode of(List<FxRate> rates) {
        ArrayNode body = ApiResponse.JSON.createArrayNode();
        for (FxRate rate : rates) {
            body.addObject().put("date", rate.date().toString()).put("currency", rate.currency())
                    .put("rate", rate.rate().toPlainString());
        }
        return body;
    }
}
