package io.xsell.core.engagement;

/** The answer to a submitted batch; {@code replayed} when the key was seen before and nothing new was stored. */
public record BatchReceipt(EngagementBatch batch, boolean replayed) {
}
