package org.directbill.revenue.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.shared.web.Localized;

/**
 * The geometry of the monthly bar chart, drawn as SVG by the page itself: one bar per month of the
 * window, rising from the zero line for revenue and falling below it for a month of net credits,
 * each with its amount written on it and, as its title, in full. Coordinates are in the units of
 * the chart's view box; the amounts only decide the heights.
 */
public record RevenueChart(
        int width, int height, String zeroY, String monthY, String yearY, String label, List<Bar> bars) {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int SIDE = 8;
    private static final int TOP = 24;
    private static final int LABELS = 40;
    private static final int BELOW_NEGATIVE = 20;

    /**
     * One month's bar.
     *
     * @param x the left edge; {@code y} the top edge; {@code width} and {@code height} its size
     * @param textX the centre of the bar, where its texts are anchored
     * @param textY where its amount is written: above a bar that rises, below one that falls
     */
    public record Bar(
            String x,
            String y,
            String width,
            String height,
            String textX,
            String textY,
            boolean negative,
            String month,
            String year,
            String amount,
            String title) {}

    static RevenueChart of(RevenueResult result, Locale locale, Localized localized) {
        Amounts amounts = new Amounts(locale);
        List<RevenueResult.MonthTotal> months = result.months();
        BigDecimal highest = BigDecimal.ZERO;
        BigDecimal lowest = BigDecimal.ZERO;
        for (RevenueResult.MonthTotal month : months) {
            highest = highest.max(month.amount().rounded());
            lowest = lowest.min(month.amount().rounded());
        }
        boolean anyNegative = lowest.signum() < 0;
        double plotTop = TOP;
        double plotBottom = HEIGHT - LABELS - (anyNegative ? BELOW_NEGATIVE : 4);
        double plotHeight = plotBottom - plotTop;
        BigDecimal span = highest.subtract(lowest);
        double zero = span.signum() == 0 ? plotBottom : plotTop + plotHeight * fraction(highest, span);

        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMM", locale);
        DateTimeFormatter fullName = DateTimeFormatter.ofPattern("MMMM uuuu", locale);
        double slot = (WIDTH - 2.0 * SIDE) / Math.max(months.size(), 1);
        double barWidth = slot * 0.64;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            RevenueResult.MonthTotal month = months.get(i);
            BigDecimal amount = month.amount().rounded();
            double length = span.signum() == 0 ? 0 : plotHeight * fraction(amount.abs(), span);
            boolean negative = amount.signum() < 0;
            double top = negative ? zero : zero - length;
            double centre = SIDE + slot * i + slot / 2;
            YearMonth yearMonth = month.month();
            bars.add(new Bar(
                    number(centre - barWidth / 2),
                    number(top),
                    number(barWidth),
                    number(length),
                    number(centre),
                    number(negative ? top + length + 14 : top - 6),
                    negative,
                    yearMonth.format(monthName),
                    String.valueOf(yearMonth.getYear()),
                    amounts.compact(month.amount()),
                    localized.text("revenue.chart.bar", yearMonth.format(fullName), amounts.of(month.amount()))));
        }
        String label = localized.text(
                "revenue.chart.label",
                result.windowStart().format(fullName),
                result.windowEnd().format(fullName));
        return new RevenueChart(
                WIDTH, HEIGHT, number(zero), number(HEIGHT - 22), number(HEIGHT - 7), label, List.copyOf(bars));
    }

    /** part ÷ whole as a share of the drawing's height: only pixels, never money, are doubles. */
    private static double fraction(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, MathContext.DECIMAL64).doubleValue();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(Math.round(value * 10) / 10.0)
                .stripTrailingZeros()
                .toPlainString();
    }
}
