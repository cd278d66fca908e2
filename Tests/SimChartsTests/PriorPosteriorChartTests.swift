import Testing

@testable import SimCharts

/// A param's prior and posterior over shared bins, each as shares of its own runs.
struct PriorPosteriorChartTests {
    @Test("each series is scaled to shares of its own total, so a small posterior reads against a large prior")
    func sharesOfEachTotal() {
        #expect(PriorPosteriorChart.shares([1, 3, 0]) == [0.25, 0.75, 0])
        #expect(PriorPosteriorChart.shares([0, 0]) == [0, 0])
    }

    @Test("one bar per non-empty bin of each series, its count and share in its tooltip; a legend with totals")
    func barsAndLegend() {
        let chart = PriorPosteriorChart(
            edges: [0, 0.5, 1], prior: [500, 500], posterior: [0, 40], xTitle: "p", label: "prior and posterior of p")
        let svg = chart.svg
        #expect(svg.components(separatedBy: "<rect").count - 1 == 3 + 2, "three bars and two legend keys")
        #expect(svg.contains("prior [0, 0.5): 500 runs, 50%"))
        #expect(svg.contains("posterior [0.5, 1]: 40 runs, 100%"))
        #expect(!svg.contains("posterior [0, 0.5)"))
        #expect(svg.contains("prior (1000)") && svg.contains("posterior (40)"))
    }

    @Test("bins that do not match the edges draw a note, not a chart")
    func mismatchedBins() {
        let svg = PriorPosteriorChart(edges: [0, 1], prior: [1, 2], posterior: [1, 2], xTitle: "p", label: "x").svg
        #expect(svg.contains("no values"))
        #expect(!svg.contains("<rect"))
    }
}

/// Counts read from a file may be anything: the chart never traps on them.
struct PriorPosteriorChartHostileCountsTests {
    @Test("a count of Int.max and a negative one: shares of a double total, no overflow")
    func extremeCounts() {
        #expect(PriorPosteriorChart.shares([Int.max, Int.max, -3]) == [0.5, 0.5, 0])
        let svg = PriorPosteriorChart(
            edges: [0, 1, 2], prior: [Int.max, 4], posterior: [-1, 2], xTitle: "p", label: "x"
        ).svg
        #expect(svg.contains("posterior [1, 2]: 2 runs, 100%"))
    }
}
