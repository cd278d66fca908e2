import Testing

@testable import SimSupport

/// Round steps: 1, 2 or 5 × 10^k apart, widened to cover the interval, exact on every machine.
struct RoundStepsTests {
    @Test func stepOfTwoTenths() {
        let steps = RoundSteps(covering: 0, 1, count: 5)
        #expect(steps.values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(steps.decimals == 1)
        #expect(steps.low == 0 && steps.high == 1)
    }

    @Test func widensToRoundValues() {
        let steps = RoundSteps(covering: 3, 97, count: 20)
        #expect(steps.values == stride(from: 0.0, through: 100, by: 5).map { $0 })
        #expect(steps.decimals == 0)
    }

    /// A raw step exactly on a round value takes that value, not the next one up.
    @Test func rawStepOnARoundValue() {
        #expect(RoundSteps(covering: 0, 10, count: 5).values == [0, 2, 4, 6, 8, 10])
        #expect(RoundSteps(covering: 0, 10.000001, count: 5).values == [0, 5, 10, 15])
    }

    @Test func oneValueIsWidenedAroundIt() {
        let steps = RoundSteps(covering: 7, 7, count: 4)
        #expect(steps.values == [6.0, 6.5, 7.0, 7.5, 8.0])
        #expect(RoundSteps(covering: 0, 0, count: 2).values == [-1, 0, 1])
    }

    @Test func includeZeroReachesZero() {
        #expect(RoundSteps(covering: 5, 9, count: 4, includeZero: true).values == [0, 5, 10])
        #expect(RoundSteps(covering: -9, -5, count: 4, includeZero: true).values == [-10, -5, 0])
    }

    @Test func tinyAndHugeSteps() {
        let tiny = RoundSteps(covering: 0, 0.0004, count: 4)
        #expect(tiny.values == [0, 0.0001, 0.0002, 0.0003, 0.0004])
        #expect(tiny.decimals == 4)
        #expect(RoundSteps(covering: 0, 9.5e6, count: 1).values == [0, 1e7])
    }

    @Test func nonFiniteEndsFallBackToTheUnitInterval() {
        #expect(RoundSteps(covering: .nan, .infinity, count: 5).values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    }

    @Test(
        "bounds near the largest doubles give a few values, not billions or an infinite span",
        arguments: [(-1.7e308, 1.7e308), (1e307, 1.7e308), (-1e301, 1e300)])
    func extremeBounds(low: Double, high: Double) {
        let steps = RoundSteps(covering: low, high, count: 20)
        #expect(steps.values.count <= 42, "\(steps.values.count) values")
        #expect(steps.values.allSatisfy { $0.isFinite })
    }

    @Test("bounds within ±10^300 are covered as they are")
    func boundsAtTheLimit() {
        let steps = RoundSteps(covering: -1e300, 1e300, count: 4)
        #expect(steps.low <= -1e300 && steps.high >= 1e300)
    }
}
