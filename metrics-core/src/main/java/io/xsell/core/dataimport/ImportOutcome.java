package io.xsell.core.dataimport;

/**
 * The result of an import request.
 *
 * @param unchanged the content was identical to the source's latest import, so nothing was written
 *                  and {@code record} is that earlier import
 */
public record ImportOutcome(ImportRecord record, boolean unchanged) {
}
