package io.xsell.server.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows streamed into a PostgreSQL table with {@code COPY ... FROM STDIN (FORMAT csv)} on the
 * caller's connection, so they are part of its transaction: a failure rolls them back with the
 * rest of the import. Rows go out in buffers of about a mebibyte, so any size of import streams in
 * bounded memory. Every value is quoted, which keeps an empty string apart from SQL NULL (an
 * unquoted empty field) and lets any text, newlines and quotes included, through unchanged.
 */
final class CopyRows implements SourceWriter.RowOut, AutoCloseable {
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstInRow = true;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** @param freeze whether the table was created by the caller's transaction and may take frozen rows */
    static CopyRows into(PGConnection connection, String table, List<String> columns, boolean freeze)
            throws SQLException {
        CopyManager manager = connection.getCopyAPI();
        return new CopyRows(manager.copyIn("COPY " + table + " (" + String.join(", ", columns)
                + ") FROM STDIN WITH (FORMAT csv" + (freeze ? ", FREEZE" : "") + ")"));
    }

    @Override
    public void text(String value) {
        separate();
        if (value != null) {
            buffer.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    buffer.append('"');
                }
                buffer.append(c);
            }
            buffer.append('"');
        }
    }

    @Override
    public void integer(int value) {
        separate();
        buffer.append(value);
    }

    private void separate() {
        if (!firstInRow) {
            buffer.append(',');
        }
        firstInRow = false;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        firstInRow = true;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is left and ends the COPY; its rows count as written only once this returns. */
    void finish() throws SQLException {
        flush();
        copy.endCopy();
    }

    /** Cancels a COPY that did not finish, so the connection can report the error and roll back. */
    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("could not cancel COPY", e));
            }
        }
    }
}
