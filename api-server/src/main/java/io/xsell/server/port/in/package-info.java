/**
 * The application's use cases that live in the server (connections, syncs, webhooks, report
 * schedules, stored reports, CSV imports): what REST resources and pages may call. Each takes a
 * validated command or query record and answers with plain records, never adapter or store types;
 * the domain's own use cases are in {@code io.xsell.core.port.in}.
 */
package io.xsell.server.port.in;
