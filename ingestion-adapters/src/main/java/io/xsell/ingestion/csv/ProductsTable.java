package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * products.csv: {@code product_id}, {@code name}, {@code product_line} (defaults to the product id),
 * {@code kind} (defaults to module), {@code gross_margin} (0..1), {@code product_line_name} (the line's
 * display name; every product of a line that gives one gives the same). Other columns are ignored.
 */
final class ProductsTable implements TableReader {
    private static final Map<String, LineKind> KINDS = new LinkedHashMap<>();

    static {
        for (LineKind kind : LineKind.values()) {
            KINDS.put(kind.code(), kind);
        }
    }

    private final RowCheck check;
    private final List<Product> products = new ArrayList<>();
    private final IdLineIndex ids = new IdLineIndex();
    private final Map<String, LineDeclaration> lines = new HashMap<>();
    private Col id;
    private Col name;
    private Col productLine;
    private Col kind;
    private Col grossMargin;
    private Col lineName;
    private final LineNames lineNames = new LineNames();
    private boolean read;

    /** Where a product line got its kind, to name it when another product contradicts it. */
    private record LineDeclaration(LineKind kind, String productId, int line) {
    }

    ProductsTable(ErrorCollector errors, CellParser cells) {
        this.check = new RowCheck(ImportFile.PRODUCTS, errors, cells);
    }

    @Override
    public boolean begin(Header header) {
        id = header.required("product_id");
        name = header.optional("name");
        productLine = header.optional("product_line");
        kind = header.optional("kind");
        grossMargin = header.optional("gross_margin");
        lineName = header.optional("product_line_name");
        read = header.complete();
        return read;
    }

    @Override
    public void stopped() {
        read = false;
    }

    @Override
    public void row(Row row) {
        check.start(row);
        String productId = check.required(id);
        if (productId != null) {
            int first = ids.putIfAbsent(productId, row.line());
            if (first != 0) {
                check.fail(id, "duplicate product_id " + Bounds.quote(productId) + " (first on line " + first + ")");
            }
        }
        String productName = check.text(name);
        String line = check.text(productLine);
        if (line == null) {
            line = productId;
        }
        LineKind lineKind = check.oneOf(kind, KINDS, LineKind.MODULE, "a product kind");
        BigDecimal margin = check.between(grossMargin, BigDecimal.ZERO, BigDecimal.ONE);
        if (line != null && lineKind != null) {
            checkOneKindPerLine(productId, line, lineKind);
        }
        String displayName = check.text(lineName);
        if (line != null && displayName != null) {
            lineNames.check(check, lineName, line, displayName, productId);
        }
        if (check.passed()) {
            try {
                products.add(new Product(productId, productName, line, lineKind, margin, displayName));
            } catch (IllegalArgumentException | NullPointerException e) {
                check.rejectedByModel(e);
            }
        }
    }

    private void checkOneKindPerLine(String productId, String line, LineKind lineKind) {
        LineDeclaration first = lines.putIfAbsent(line, new LineDeclaration(lineKind, productId, check.line()));
        if (first != null && first.kind() != lineKind) {
            check.fail(kind, "product line " + Bounds.quote(line) + " is " + first.kind().code() + " (product "
                    + Bounds.quote(first.productId()) + ", line " + first.line() + ") but product " + Bounds.quote(productId) + " makes it "
                    + lineKind.code() + (check.text(kind) == null ? " (kind is empty, so the default)" : "")
                    + "; a product line has one kind");
        }
    }

    boolean read() {
        return read;
    }

    IdLineIndex ids() {
        return ids;
    }

    List<Product> products() {
        return products;
    }
}
