// PRIMTests: PRIM on a dataset whose answer is known by construction, the peeling arithmetic on a
// hand-computed example, the rule choosing a box from the trajectory, and pasting.
import SimCore
import Testing

@testable import SimBatch

struct PRIMTests {
    /// x = 1 ... 10 and a constant y; the runs with x ≥ 7 are the cases.
    private func tenRuns(alpha: Double, minMass: Double) -> PRIM {
        let x = (1...10).map(Double.init)
        return PRIM(
            names: ["x", "y"], columns: [x, Array(repeating: 5, count: 10)], isCase: x.map { $0 >= 7 },
            alpha: alpha, minMass: minMass)
    }

    @Test("peeling by hand: one run off the low end per step, coverage, density and mass exact, stops at the mass")
    func peelingArithmetic() {
        // k = max(1, ⌊0.1 · n⌋) = 1 for every box of 10 runs or fewer; boxes need 2.5 runs or more.
        let prim = tenRuns(alpha: 0.1, minMass: 0.25)
        let trajectory = prim.peel()
        // Steps 0-6 cut 1, 2, ... 6 off the low side; step 7 ties (8...10 or 7...9, 3 cases in 3 runs
        // each) and takes the low side; 2 runs would be below the minimum mass.
        let lowLimits: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        #expect(trajectory.map(\.limits[0].lowerBound) == lowLimits)
        #expect(trajectory.allSatisfy { $0.limits[0].upperBound == 10 })
        let cases: [Double] = [4, 4, 4, 4, 4, 4, 4, 3]
        let runs: [Double] = [10, 9, 8, 7, 6, 5, 4, 3]
        #expect(trajectory.map(\.density) == zip(cases, runs).map { $0 / $1 })
        #expect(trajectory.map(\.mass) == [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3])
        #expect(trajectory.map(\.coverage) == [1, 1, 1, 1, 1, 1, 1, 0.75])
        #expect(trajectory.map(\.members.count) == [10, 9, 8, 7, 6, 5, 4, 3])
        #expect(trajectory.allSatisfy { $0.limits[1] == 5...5 }, "a param of one value cannot be cut")
        #expect(PRIM.chosen(trajectory, minCoverage: 0.5) == 6)
        #expect(prim.restricted(trajectory[6]) == ["x"])
        #expect(prim.restricted(trajectory[0]).isEmpty)
    }

    @Test("a slice takes every run tied with its last one")
    func peelingKeepsTiesTogether() {
        // Three values, each in 4 runs: a 5% slice of the low end takes the whole lowest value.
        let x = (0..<12).map { Double($0 / 4) }
        let prim = PRIM(names: ["x"], columns: [x], isCase: x.map { $0 == 2 }, alpha: 0.05, minMass: 0.3)
        let trajectory = prim.peel()
        let lowLimits: [Double] = [0, 1, 2]
        #expect(trajectory.map(\.limits[0].lowerBound) == lowLimits)
        #expect(trajectory.map(\.members.count) == [12, 8, 4])
    }

    @Test("the chosen box: highest density among those covering enough, ties to the higher coverage")
    func choiceAndTies() {
        let prim = tenRuns(alpha: 0.1, minMass: 0.05)
        let box = { (range: ClosedRange<Double>) in
            prim.box([range, 5...5], (0..<10).filter { range.contains(Double($0 + 1)) })
        }
        // Densities 1, 1 and 1 at coverages 0.5, 1 and 0.75: the one covering every case wins.
        let tied = [box(1...10), box(9...10), box(7...10), box(8...10)]
        #expect(PRIM.chosen(tied, minCoverage: 0.5) == 2)
        // Equal density and coverage: the earlier box.
        #expect(PRIM.chosen([box(1...10), box(7...10), box(7...10)], minCoverage: 0.5) == 1)
        // Boxes covering too little are passed over, however dense.
        #expect(PRIM.chosen([box(1...10), box(6...10), box(9...10)], minCoverage: 0.9) == 1)
        #expect(PRIM.chosen([box(1...10), box(10...10)], minCoverage: 0.5) == 0)
    }

    @Test("pasting widens the box while density rises, the best side first")
    func pastingRaisesDensity() {
        // Cases at x = 1 ... 6. From 3...7 (4 of 5): adding 2 gives 5/6, adding 8 gives 4/6: the low
        // side; then adding 1 gives 6/7; then only 8 is left, which would lower it to 6/8.
        let x = (1...10).map(Double.init)
        let prim = PRIM(names: ["x"], columns: [x], isCase: x.map { $0 <= 6 }, alpha: 0.2)
        let start = prim.box([3...7], [2, 3, 4, 5, 6])
        #expect(start.density == 0.8)
        let pasted = prim.paste(start)
        #expect(pasted.limits == [1...7])
        #expect(pasted.members == Array(0...6))
        #expect(pasted.density == 6.0 / 7)
        #expect(pasted.coverage == 1)
        #expect(pasted.density > start.density)
    }

    @Test("pasting takes in only runs within the other params' limits")
    func pastingRespectsTheOtherLimits() {
        // y cuts the runs 0 and 1 out; widening x below 3 can take in only run 1 (x = 2, y inside).
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        let y: [Double] = [9, 0, 0, 0, 0, 9]
        let isCase = [true, true, true, true, false, false]
        let prim = PRIM(names: ["x", "y"], columns: [x, y], isCase: isCase, alpha: 0.2)
        let pasted = prim.paste(prim.box([3...5, 0...0], [2, 3, 4]))
        #expect(pasted.limits == [2...5, 0...0])
        #expect(pasted.members == [1, 2, 3, 4])
    }

    @Test("a box in two of three uniform params, with background noise, is found; the third is not restricted")
    func recoversAKnownBox() {
        var random = RandomSource(seed: 2024)
        let n = 2000
        let columns = (0..<3).map { _ in (0..<n).map { _ in random.uniform() } }
        // Inside a > 0.6, b < 0.3 every run is a case; outside, one in twenty is.
        let isCase = (0..<n).map { i in
            let noise = random.uniform() < 0.05
            return (columns[0][i] > 0.6 && columns[1][i] < 0.3) || noise
        }
        let prim = PRIM(names: ["a", "b", "c"], columns: columns, isCase: isCase, alpha: 0.05)
        let trajectory = prim.peel()
        let box = prim.paste(trajectory[PRIM.chosen(trajectory, minCoverage: 0.5)])
        #expect(prim.restricted(box) == ["a", "b"])
        #expect(abs(box.limits[0].lowerBound - 0.6) < 0.05, "a from \(box.limits[0].lowerBound)")
        #expect(abs(box.limits[1].upperBound - 0.3) < 0.05, "b up to \(box.limits[1].upperBound)")
        #expect(box.density > 0.9, "density \(box.density)")
        #expect(box.coverage >= 0.5)
        #expect(trajectory.last.map { $0.mass >= PRIM.defaultMinMass } == true)
    }
}
