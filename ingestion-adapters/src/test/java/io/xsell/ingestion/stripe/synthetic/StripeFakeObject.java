package io.xsell.ingestion.stripe.synthetic;

/** One object of a synthetic Stripe account, as the API would return it. */
public record StripeFakeObject(String id, long created, String json) {
}
