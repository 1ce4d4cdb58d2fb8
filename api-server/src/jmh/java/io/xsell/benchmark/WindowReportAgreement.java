package io.xsell.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that the two sides of {@link ReportVsDuckDb} computed the same numbers: every field
 * {@code window-report.sql} returns, rounded half-even to 2 decimals as xsell presents it, against
 * the {@code report} JSON (overall, each segment, each product line). Returns the fields compared
 * and the disagreements.
 */
final class WindowReportAgreement {

    private WindowReportAgreement() {
    }

    record Result(int compared, List<String> mismatches) {
    }

    static Result check(Path xsellJson, Path duckTsv) throws IOException {
        JsonNode report = new ObjectMapper().readTree(xsellJson.toFile());
        Map<String, JsonNode> scopes = new HashMap<>();
        scopes.put("all", report);
        report.path("by_segment").forEach(s -> scopes.put("segment:" + s.path("segment").asText(), s));
        report.path("by_product_line").forEach(l -> scopes.put("line:" + l.path("product_line").asText(), l));

        List<String> lines = Files.readAllLines(duckTsv);
        String[] header = lines.get(0).split("\t", -1);
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            JsonNode node = scopes.get(cells[0]);
            if (node == null) {
                mismatches.add(cells[0] + ": not in the report");
                continue;
            }
            for (int c = 1; c < header.length; c++) {
                if (cells[c].equals("null") || !node.has(header[c])) {
                    continue; // a field this scope does not carry (lines carry no window totals)
                }
                BigDecimal duck = new BigDecimal(cells[c]).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal ours = node.get(header[c]).decimalValue().setScale(2, RoundingMode.HALF_EVEN);
                compared++;
                if (duck.compareTo(ours) != 0) {
                    mismatches.add(cells[0] + " " + header[c] + ": xsell " + ours + ", duckdb " + duck);
                }
            }
        }
        return new Result(compared, mismatches);
    }
}
