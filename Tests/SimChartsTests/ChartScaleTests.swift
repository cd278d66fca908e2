import Testing

@testable import SimCharts

/// The map from data to pixels behind every chart, and its tick labels.
struct ChartScaleTests {
    @Test func mapsTheDomainOntoThePixels() {
        let scale = ChartScale(covering: 0, 1, pixels: 40, 140, tickCount: 5)
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(scale.position(0) == 40 && scale.position(1) == 140)
        #expect(scale.position(0.5) == 90)
        // Outside the domain: position extrapolates, clampedPosition stays on the plot.
        #expect(scale.position(2) == 240)
        #expect(scale.clampedPosition(2) == 140 && scale.clampedPosition(-1) == 40)
    }

    /// A vertical axis runs from the bottom (the larger pixel) up.
    @Test func verticalAxisRunsUp() {
        let scale = ChartScale(covering: 0, 10, pixels: 200, 0, tickCount: 5)
        #expect(scale.position(0) == 200 && scale.position(10) == 0)
        #expect(scale.position(2.5) == 150)
    }

    @Test func labelsHaveTheDecimalsTheStepNeeds() {
        let tenths = ChartScale(covering: 0, 1, pixels: 0, 1, tickCount: 5)
        #expect(tenths.ticks.map(tenths.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let hundreds = ChartScale(covering: 0, 1000, pixels: 0, 1, tickCount: 5)
        #expect(hundreds.ticks.map(hundreds.label) == ["0", "200", "400", "600", "800", "1000"])
        // No "-0.0" where a computed tick lands just below zero.
        #expect(tenths.label(-0.0) == "0.0" && tenths.label(-1e-17) == "0.0")
        // Past six decimals a tick is written with an exponent.
        let tiny = ChartScale(covering: 0, 4e-8, pixels: 0, 1, tickCount: 4)
        #expect(tiny.label(2e-8) == "2.00e-08" && tiny.label(0) == "0")
    }

    @Test func fixedDomainsKeepTheirSteps() {
        let alignments = ChartScale(fixed: -1, 1, pixels: 0, 200, step: 0.5, decimals: 1)
        #expect(alignments.ticks == [-1, -0.5, 0, 0.5, 1])
        #expect(alignments.crossesZero)
        #expect(!ChartScale(fixed: 0, 1, pixels: 0, 1, step: 0.25, decimals: 2).crossesZero)
        #expect(ChartScale(covering: -3, 4, pixels: 0, 1, includeZero: true).crossesZero)
    }

    @Test func includeZeroReachesZero() {
        let scale = ChartScale(covering: 5, 9, pixels: 0, 1, tickCount: 4, includeZero: true)
        #expect(scale.low == 0 && scale.high == 10)
    }
}
