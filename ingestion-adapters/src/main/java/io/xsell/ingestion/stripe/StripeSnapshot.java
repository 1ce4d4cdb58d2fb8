package io.xsell.ingestion.stripe;

import java.util.function.Consumer;

/** The mirrored Stripe objects of one connection, as the JSON Stripe returned (deleted ones left out). */
public interface StripeSnapshot {

    /** Hands every stored object of {@code type} to {@code json}, one at a time. */
    void forEach(StripeObjectType type, Consumer<String> json);
}
