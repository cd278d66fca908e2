// SummaryReading+AgainstParams: the summary page's charts of an outcome against each varying param —
// one mark per design point for a sweep or a small design, and for a large sample (a Latin hypercube of
// thousands of points, one run each) the points pooled into bins of the param, so the page stays small
// and each mark rests on enough runs to mean something.
import SimCharts
import SimCore
import SimSupport

extension SummaryReading {
    /// Design points listed one by one in tables and bar charts, and marked one by one against a param
    /// outside a sweep; past this, the JSON summary has them all.
    static let pointCap = 60
    /// Bins of a param that a large sample's points are pooled into.
    static let binCount = 20

    /// A note under a table or chart that lists only the first `pointCap` points.
    func listedPointsNote(into page: inout HTMLPage) {
        guard points.count > Self.pointCap else { return }
        page.paragraph(
            "The first \(Self.pointCap) of \(points.count) design points; the JSON summary has them all.", note: true)
    }

    /// One chart per varying numeric param: `statistic` of the points' statistics against the param's
    /// value, with its interval. Along a sweep or in a design of at most `pointCap` points, each point
    /// is a mark (points that differ only in that param joined along a sweep, one line per combination
    /// of the other params); in a larger sample, the points are pooled into `binCount` equal bins of the
    /// param, each marked at its middle.
    func againstParams(
        _ stats: [JSONValue?], yTitle: String,
        fixedY: (low: Double, high: Double, step: Double, decimals: Int)?,
        statistic: ([JSONValue?]) -> (Double, (Double, Double)?)?
    ) -> [(svg: String, caption: String)] {
        let pooled = !isSweep && points.count > Self.pointCap
        return varying.compactMap { param -> (svg: String, caption: String)? in
            let series = pooled ? binned(param, stats, yTitle, statistic) : perPoint(param, stats, yTitle, statistic)
            guard !series.isEmpty else { return nil }
            let chart = LineChart(
                series: series, width: 1100, height: 300, xTitle: param, yTitle: yTitle,
                fixedY: fixedY, markers: true, label: "\(yTitle) against \(param)")
            let caption =
                pooled
                ? "\(yTitle) against \(param): the design points pooled in \(Self.binCount) equal bins of \(param), "
                    + "with 95% intervals."
                : "\(yTitle) at each design point against \(param), with 95% intervals."
            return (chart.svg, caption)
        }
    }

    private func perPoint(
        _ param: String, _ stats: [JSONValue?], _ yTitle: String,
        _ statistic: ([JSONValue?]) -> (Double, (Double, Double)?)?
    ) -> [LineChart.Series] {
        var series: [LineChart.Series] = []
        // Series by the other params' values: one lookup a point, not a scan of the series.
        var keys: [String: Int] = [:]
        for (point, stat) in zip(points, stats) {
            guard let x = point["params"]?[param]?.double, let (y, interval) = statistic([stat]) else { continue }
            let others = (point["params"]?.object ?? []).filter { $0.0 != param }
            let key = others.map { "\($0.0)=\($0.1.compact())" }.joined(separator: "  ")
            if let s = keys[key] {
                series[s].points.append((x, y))
                series[s].intervals.append(interval)
            } else {
                keys[key] = series.count
                series.append(
                    .init(name: key.isEmpty ? yTitle : key, points: [(x, y)], intervals: [interval], joined: isSweep))
            }
        }
        return series
    }

    /// The points pooled into equal bins of the param's range over the design; a bin is left out when
    /// its points have no value to pool.
    private func binned(
        _ param: String, _ stats: [JSONValue?], _ yTitle: String,
        _ statistic: ([JSONValue?]) -> (Double, (Double, Double)?)?
    ) -> [LineChart.Series] {
        let located = zip(points, stats).compactMap { point, stat in
            point["params"]?[param]?.double.map { (x: $0, stat: stat) }
        }.filter { $0.x.isFinite }
        guard let low = located.map(\.x).min(), let high = located.map(\.x).max(), high > low else { return [] }
        let width = (high - low) / Double(Self.binCount)
        var bins = Array(repeating: [JSONValue?](), count: Self.binCount)
        for (x, stat) in located { bins[min(Int((x - low) / width), Self.binCount - 1)].append(stat) }
        var series = LineChart.Series(name: yTitle, points: [], intervals: [], joined: true)
        for (b, bin) in bins.enumerated() {
            guard let (y, interval) = statistic(bin) else { continue }
            series.points.append((low + (Double(b) + 0.5) * width, y))
            series.intervals.append(interval)
        }
        return series.points.isEmpty ? [] : [series]
    }

    // MARK: Pooling

    /// The mean of the runs of several points and its 95% interval (Student's t), from each point's
    /// n, mean and sd; one point's own mean and ci95. Nil when no point has a mean.
    static func pooledMean(_ stats: [JSONValue?]) -> (Double, (Double, Double)?)? {
        if stats.count == 1 {
            guard let mean = stats[0]?["mean"]?.double else { return nil }
            let ci = stats[0]?["ci95"]?.array?.compactMap(\.double) ?? []
            return (mean, ci.count == 2 ? (ci[0], ci[1]) : nil)
        }
        let parts = stats.compactMap { stat -> (n: Double, mean: Double, sd: Double)? in
            guard let n = stat?["n"]?.int, n > 0, let mean = stat?["mean"]?.double, mean.isFinite else { return nil }
            return (Double(n), mean, stat?["sd"]?.double ?? 0)
        }
        let n = parts.map(\.n).reduce(0, +)
        guard n > 0 else { return nil }
        let mean = parts.map { $0.n * $0.mean }.reduce(0, +) / n
        // Past 2^53 runs n is no count simrun wrote, and Int(n) could not hold it.
        guard n >= 2, n < 9e15 else { return (mean, nil) }
        // Within-point and between-point squares: the sample variance of all the runs together.
        let squares = parts.map { ($0.n - 1) * $0.sd * $0.sd + $0.n * ($0.mean - mean) * ($0.mean - mean) }
        let sd = (squares.reduce(0, +) / (n - 1)).squareRoot()
        let half = Statistics.studentT975(degreesOfFreedom: Int(n) - 1) * sd / n.squareRoot()
        return (mean, (mean - half, mean + half))
    }

    /// The share true over the runs of several points, with its Wilson interval.
    static func pooledProportion(_ stats: [JSONValue?]) -> (Double, (Double, Double)?)? {
        pooledCount(stats) { $0?["true"]?.int }
    }

    /// A category's share over the runs of several points (0 where a point does not list it), with its
    /// Wilson interval.
    static func pooledShare(of category: String, _ stats: [JSONValue?]) -> (Double, (Double, Double)?)? {
        pooledCount(stats) { $0?["categories"]?[category]?["count"]?.int ?? 0 }
    }

    private static func pooledCount(
        _ stats: [JSONValue?], _ count: (JSONValue?) -> Int?
    ) -> (Double, (Double, Double)?)? {
        var hits = 0, n = 0
        for stat in stats {
            guard let trials = stat?["n"]?.int, trials > 0, let k = count(stat), (0...trials).contains(k) else {
                continue
            }
            // Counts come from a file: a sum past Int.max is no summary simrun wrote.
            let (newHits, o1) = hits.addingReportingOverflow(k), (newN, o2) = n.addingReportingOverflow(trials)
            guard !o1 && !o2 else { return nil }
            (hits, n) = (newHits, newN)
        }
        return proportion(hits, of: n)
    }

    /// A count's share of `n` with its Wilson interval; nil when `n` is 0 or the count lies outside
    /// 0...n (a file's, not simrun's).
    static func proportion(_ count: Int, of n: Int) -> (Double, (Double, Double)?)? {
        guard n > 0, (0...n).contains(count) else { return nil }
        return (Double(count) / Double(n), Statistics.wilson(successes: count, trials: n))
    }
}
