package io.xsell.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The reference side of {@link ReportVsDuckDb}: runs {@code window-report.sql} (the window metrics
 * written as an analyst would in DuckDB) over a canonical CSV folder in an in-memory DuckDB and
 * prints one tab-separated row per scope. Started in its own JVM so that its wall time and peak
 * RSS are measured exactly as the {@code report} command's are.
 *
 * <p>{@code DuckDbWindowReport DATA_DIR FROM TO CURRENCY}
 */
public final class DuckDbWindowReport {

    private DuckDbWindowReport() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 4) {
            System.err.println("usage: DuckDbWindowReport DATA_DIR FROM TO CURRENCY");
            System.exit(2);
        }
        String sql = sql(Path.of(args[0]).toAbsolutePath().normalize(), args[1], args[2], args[3]);
        StringBuilder out = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                out.append(c > 1 ? "\t" : "").append(meta.getColumnLabel(c));
            }
            out.append('\n');
            while (rows.next()) {
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    out.append(c > 1 ? "\t" : "").append(rows.getString(c));
                }
                out.append('\n');
            }
        }
        System.out.print(out);
    }

    static String sql(Path data, String from, String to, String currency) throws IOException {
        try (InputStream in = DuckDbWindowReport.class.getResourceAsStream("window-report.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${data}", data.toString().replace("'", "''"))
                    .replace("${from}", from).replace("${to}", to).replace("${currency}", currency);
        }
    }
}
