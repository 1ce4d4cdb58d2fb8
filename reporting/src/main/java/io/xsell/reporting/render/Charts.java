package io.xsell.reporting.render;

import io.xsell.reporting.summary.MrrTrendSection;
import io.xsell.reporting.summary.ProductLineSection;
import io.xsell.reporting.summary.TrajectorySection;
import io.xsell.reporting.summary.WaterfallSection;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The summary's charts as PNG data URIs, drawn by JFreeChart at {@value #SCALE} times the size they
 * are printed at (about 290 dpi on paper), so they stay crisp in the PDF and on screen.
 */
public final class Charts {
    /** Width and height in CSS pixels, as the templates print them. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 220;
    /** The MRR trend is a row of similar bars: lower, so it shares page 1 with the headlines. */
    static final int TREND_HEIGHT = 190;
    static final int SCALE = 3;

    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color ACCENT = new Color(0x1d, 0x6f, 0xb8);
    private static final Color GRID = new Color(0xdd, 0xe2, 0xe8);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Start, the seven movements and end, on an axis from zero: a period's movements are small
     * next to the base, and a chart that cut the axis would make them look large. The table under
     * the chart gives every amount.
     */
    public String waterfall(WaterfallSection section, String currency) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(section.startingMrr(), "MRR", "Start");
        for (WaterfallSection.Step step : section.steps()) {
            // Two-word labels on two lines, so neighbours never run into each other.
            data.addValue(step.amount(), "MRR", step.label().replace(' ', '\n'));
        }
        data.addValue(section.endingMrr(), "MRR", "End");
        JFreeChart chart = ChartFactory.createWaterfallChart(null, null, null, data, PlotOrientation.VERTICAL,
                false, false, false);
        CategoryPlot plot = style(chart, labels(data), currency);
        WaterfallBarRenderer renderer = (WaterfallBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setFirstBarPaint(INK);
        renderer.setLastBarPaint(INK);
        renderer.setPositiveBarPaint(new Color(0x2e, 0x8b, 0x57));
        renderer.setNegativeBarPaint(new Color(0xc0, 0x39, 0x2b));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        // On an axis from zero a movement is a sliver: its amount is written above it.
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", moneyFormat(currency)));
        renderer.setDefaultItemLabelFont(ReportFonts.chartFont(List.of("0123456789,.-" + Format.symbol(currency)),
                Font.PLAIN, 9f));
        renderer.setDefaultItemLabelPaint(INK);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        plot.getRangeAxis().setUpperMargin(0.12);
        return png(chart, HEIGHT);
    }

    public String productLines(ProductLineSection section, String currency) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ProductLineSection.Line line : section.lines()) {
            data.addValue(line.crossSellMrr(), "Cross-sell MRR", line.productLine());
        }
        JFreeChart chart = bars(data, PlotOrientation.HORIZONTAL, currency);
        return png(chart, Math.max(110, Math.min(HEIGHT + 80, 40 + 36 * section.lines().size())));
    }

    /** MRR at each month end as bars from zero, labelled by month. */
    public String mrrTrend(MrrTrendSection section, String currency) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MrrTrendSection.Point point : section.points()) {
            data.addValue(point.mrr(), "MRR", Format.month(point.day()).replace(' ', '\n'));
        }
        return png(bars(data, PlotOrientation.VERTICAL, currency), TREND_HEIGHT);
    }

    /** Plain bars of one series on a money axis from zero. */
    private static JFreeChart bars(DefaultCategoryDataset data, PlotOrientation orientation, String currency) {
        JFreeChart chart = ChartFactory.createBarChart(null, null, null, data, orientation, false, false, false);
        CategoryPlot plot = style(chart, labels(data), currency);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ACCENT);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return chart;
    }

    /** A line, so its axis may start above zero; the axis says where it starts. */
    public String trajectory(TrajectorySection section) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TrajectorySection.Point point : section.points()) {
            BigDecimal value = point.productsPerCustomer();
            data.addValue(value, "Products per customer", point.day().toString());
        }
        JFreeChart chart = ChartFactory.createLineChart(null, null, null, data, PlotOrientation.VERTICAL,
                false, false, false);
        CategoryPlot plot = style(chart, labels(data), null);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setDefaultShapesVisible(true);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return png(chart, HEIGHT);
    }

    private static List<String> labels(DefaultCategoryDataset data) {
        List<String> labels = new ArrayList<>();
        for (Object key : data.getColumnKeys()) {
            labels.add(String.valueOf(key));
        }
        return labels;
    }

    /**
     * Shared look; category labels in a font that has all their characters, wrapped on up to
     * three lines rather than cut; money axes carry the currency's symbol.
     */
    private static CategoryPlot style(JFreeChart chart, List<String> categories, String currency) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(ReportFonts.chartFont(categories, Font.PLAIN, 10.5f));
        domain.setTickLabelPaint(INK);
        domain.setMaximumCategoryLabelLines(3);
        // Vertical charts: a label may use the gap between categories, so "Reactivation" is never cut mid-word.
        domain.setMaximumCategoryLabelWidthRatio(plot.getOrientation() == PlotOrientation.HORIZONTAL ? 0.3f : 1.3f);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setTickLabelFont(ReportFonts.chartFont(List.of("0123456789,.-" + Format.symbol(currency)), Font.PLAIN, 11f));
        range.setTickLabelPaint(INK);
        if (currency != null) {
            range.setNumberFormatOverride(moneyFormat(currency));
        }
        return plot;
    }

    private static DecimalFormat moneyFormat(String currency) {
        DecimalFormat money = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        money.setPositivePrefix(Format.symbol(currency));
        money.setNegativePrefix("-" + Format.symbol(currency));
        return money;
    }

    /**
     * Drawn onto an opaque RGB image: PDFBox embeds that as it is, while a PNG with an alpha
     * channel (what {@code ChartUtils} writes) has to be decoded and split first.
     */
    private static String png(JFreeChart chart, int height) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw a chart", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
