package io.xsell.reporting.render;

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
import java.util.Base64;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The summary's charts as PNG data URIs, drawn by JFreeChart at {@value #SCALE} times the size they
 * are printed at (about 290 dpi on paper), so they stay crisp in the PDF and on screen.
 */
public final class Charts {
    /** Width and height in CSS pixels, as the templates print them. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 260;
    static final int SCALE = 3;

    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color ACCENT = new Color(0x1d, 0x6f, 0xb8);
    private static final Color GRID = new Color(0xdd, 0xe2, 0xe8);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    public String waterfall(WaterfallSection section) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(section.startingMrr(), "MRR", "Start");
        for (WaterfallSection.Step step : section.steps()) {
            data.addValue(step.amount(), "MRR", step.label());
        }
        data.addValue(section.endingMrr(), "MRR", "End");
        JFreeChart chart = ChartFactory.createWaterfallChart(null, null, null, data, PlotOrientation.VERTICAL,
                false, false, false);
        CategoryPlot plot = style(chart);
        WaterfallBarRenderer renderer = (WaterfallBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setFirstBarPaint(INK);
        renderer.setLastBarPaint(INK);
        renderer.setPositiveBarPaint(new Color(0x2e, 0x8b, 0x57));
        renderer.setNegativeBarPaint(new Color(0xc0, 0x39, 0x2b));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        // Zoomed onto the movements: from zero, a period's movements are slivers on top of the base.
        double low = section.startingMrr().doubleValue();
        double high = low;
        double running = low;
        for (WaterfallSection.Step step : section.steps()) {
            running += step.amount().doubleValue();
            low = Math.min(low, running);
            high = Math.max(high, running);
        }
        double pad = Math.max((high - low) * 0.25, Math.abs(high) * 0.005 + 1);
        plot.getRangeAxis().setRange(Math.max(0, low - pad), high + pad);
        return png(chart);
    }

    public String productLines(ProductLineSection section) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ProductLineSection.Line line : section.lines()) {
            data.addValue(line.crossSellMrr(), "Cross-sell MRR", line.productLine());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, null, data, PlotOrientation.HORIZONTAL,
                false, false, false);
        CategoryPlot plot = style(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ACCENT);
        return png(chart);
    }

    public String trajectory(TrajectorySection section) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TrajectorySection.Point point : section.points()) {
            BigDecimal value = point.productsPerCustomer();
            data.addValue(value, "Products per customer", point.day().toString());
        }
        JFreeChart chart = ChartFactory.createLineChart(null, null, null, data, PlotOrientation.VERTICAL,
                false, false, false);
        CategoryPlot plot = style(chart);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setDefaultShapesVisible(true);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return png(chart);
    }

    private static CategoryPlot style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.getDomainAxis().setTickLabelFont(FONT);
        plot.getDomainAxis().setTickLabelPaint(INK);
        plot.getRangeAxis().setTickLabelFont(FONT);
        plot.getRangeAxis().setTickLabelPaint(INK);
        return plot;
    }

    /**
     * Drawn onto an opaque RGB image: PDFBox embeds that as it is, while a PNG with an alpha
     * channel (what {@code ChartUtils} writes) has to be decoded and split first.
     */
    private static String png(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
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
