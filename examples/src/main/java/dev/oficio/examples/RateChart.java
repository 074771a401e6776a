package dev.oficio.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG line chart written by hand (no charting library): effective rate (y, percent) against
 * job amount (x). Coordinates are computed in {@code double}: they are pixels, not money.
 */
final class RateChart {
  private static final int WIDTH = 860;
  private static final int HEIGHT = 520;
  private static final int LEFT = 80;
  private static final int RIGHT = 180;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };

  /** One curve: a label and (amount, percent) points in increasing amount. */
  record Series(String label, List<BigDecimal[]> points) {}

  private RateChart() {}

  static String svg(String title, String currency, List<Series> series) {
    double maxX = 0;
    double maxY = 0;
    for (Series s : series) {
      for (BigDecimal[] p : s.points()) {
        maxX = Math.max(maxX, p[0].doubleValue());
        maxY = Math.max(maxY, p[1].doubleValue());
      }
    }
    maxX = Math.max(maxX, 1);
    // Round the rate axis up to a whole percent so the ticks are readable.
    maxY = Math.max(1, Math.ceil(maxY));
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append("  <title>").append(escape(title)).append("</title>\n");
    svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"%d\" y=\"28\" font-size=\"16\">%s</text>%n",
            LEFT,
            escape(title)));
    // Axes and grid.
    for (int i = 0; i <= 5; i++) {
      double y = TOP + plotHeight - plotHeight * i / 5;
      double x = LEFT + plotWidth * i / 5;
      svg.append(
          String.format(
              Locale.ROOT,
              "  <line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              LEFT,
              y,
              LEFT + plotWidth,
              y));
      svg.append(
          String.format(
              Locale.ROOT,
              "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s%%</text>%n",
              LEFT - 8,
              y + 4,
              trim(maxY * i / 5)));
      svg.append(
          String.format(
              Locale.ROOT,
              "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x,
              TOP + (int) plotHeight + 20,
              trim(maxX * i / 5)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>%n",
            LEFT,
            TOP,
            LEFT,
            TOP + plotHeight));
    svg.append(
        String.format(
            Locale.ROOT,
            "  <line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n",
            LEFT,
            TOP + plotHeight,
            LEFT + plotWidth,
            TOP + plotHeight));
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">job amount (%s)</text>%n",
            LEFT + plotWidth / 2,
            HEIGHT - 15,
            escape(currency)));
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"20\" y=\"%.1f\" transform=\"rotate(-90 20 %.1f)\" text-anchor=\"middle\">"
                + "effective rate (%%)</text>%n",
            TOP + plotHeight / 2,
            TOP + plotHeight / 2));
    // Curves and legend.
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      String color = COLORS[s % COLORS.length];
      StringBuilder points = new StringBuilder();
      for (BigDecimal[] p : one.points()) {
        double x = LEFT + plotWidth * p[0].doubleValue() / maxX;
        double y = TOP + plotHeight - plotHeight * p[1].doubleValue() / maxY;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "  <polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\">"
                  + "<title>%s</title></polyline>%n",
              color,
              points.toString().trim(),
              escape(one.label())));
      double legendY = TOP + 10 + s * 20;
      double legendX = LEFT + plotWidth + 20;
      svg.append(
          String.format(
              Locale.ROOT,
              "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>%n",
              legendX,
              legendY,
              legendX + 24,
              legendY,
              color));
      svg.append(
          String.format(
              Locale.ROOT,
              "  <text x=\"%.1f\" y=\"%.1f\">%s</text>%n",
              legendX + 30,
              legendY + 4,
              escape(one.label())));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String trim(double value) {
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
