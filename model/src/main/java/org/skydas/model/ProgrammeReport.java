package org.skydas.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The programme's money by category and year: the envelope against what the assets plan, commit and
 * spend. Rolled up from asset capital costs and lifecycle status:
 * <ul>
 * <li>planned: every asset's capex (whatever its status);</li>
 * <li>committed: assets contracted or later;</li>
 * <li>spent: assets installed or later.</li>
 * </ul>
 * Running costs ({@code opex_eur_per_year}) are reported apart, as a yearly total of assets in service.
 */
public record ProgrammeReport(List<Row> rows) {

    /** One category in one year. */
    public record Row(Category category, int year, double envelopeEur, double plannedEur,
                      double committedEur, double spentEur) {
    }

    public static ProgrammeReport of(Programme programme, List<Asset> assets) {
        Map<String, double[]> cells = new TreeMap<>();
        for (BudgetLine line : programme.envelope()) {
            cell(cells, line.category(), line.year())[0] += line.envelopeEur();
        }
        for (Asset a : assets) {
            double[] c = cell(cells, a.category(), a.year());
            c[1] += a.capexEur();
            if (a.status().isCommitted()) {
                c[2] += a.capexEur();
            }
            if (a.status().isSpent()) {
                c[3] += a.capexEur();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : cells.entrySet()) {
            String[] key = e.getKey().split("\\|");
            double[] v = e.getValue();
            rows.add(new Row(Category.values()[Integer.parseInt(key[0])], Integer.parseInt(key[1]),
                    v[0], v[1], v[2], v[3]));
        }
        rows.sort(Comparator.comparing(Row::category).thenComparingInt(Row::year));
        return new ProgrammeReport(List.copyOf(rows));
    }

    private static double[] cell(Map<String, double[]> cells, Category c, int year) {
        return cells.computeIfAbsent(c.ordinal() + "|" + year, k -> new double[4]);
    }

    /** Totals per category over all years. */
    public List<Row> byCategory() {
        Map<Category, double[]> sums = new TreeMap<>();
        for (Row r : rows) {
            double[] s = sums.computeIfAbsent(r.category(), k -> new double[4]);
            s[0] += r.envelopeEur();
            s[1] += r.plannedEur();
            s[2] += r.committedEur();
            s[3] += r.spentEur();
        }
        List<Row> out = new ArrayList<>();
        sums.forEach((c, s) -> out.add(new Row(c, 0, s[0], s[1], s[2], s[3])));
        return out;
    }

    public Row total() {
        double[] s = new double[4];
        for (Row r : rows) {
            s[0] += r.envelopeEur();
            s[1] += r.plannedEur();
            s[2] += r.committedEur();
            s[3] += r.spentEur();
        }
        return new Row(null, 0, s[0], s[1], s[2], s[3]);
    }

    /** Yearly running cost of assets installed or in operation. */
    public static double opexPerYear(List<Asset> assets) {
        return assets.stream()
                .filter(a -> a.status() == AssetStatus.INSTALLED || a.status() == AssetStatus.OPERATIONAL)
                .mapToDouble(Asset::opexEurPerYear).sum();
    }
}
