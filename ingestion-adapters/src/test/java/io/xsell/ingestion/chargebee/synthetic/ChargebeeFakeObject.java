package io.xsell.ingestion.chargebee.synthetic;

/**
 * One version of a Chargebee resource in the generated site.
 *
 * @param at      Unix second this version came to be (its creation, or the change that made it)
 * @param version its {@code resource_version}
 * @param event   the Chargebee event type that publishes this version
 * @param source  the event's {@code source} ({@code admin_console}, or {@code scheduled_job} for a
 *                scheduled change Chargebee applied itself)
 */
public record ChargebeeFakeObject(String type, String id, long at, long version, String event, String source,
                                  String json) {
}
