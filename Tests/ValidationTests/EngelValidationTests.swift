// Validation: Engel's (1954) square-law model of the battle of Iwo Jima against an independent
// numerical integration. Runs the shipped scenarios/validation/engel.lua.
//
// Engel, J. H. (1954). A Verification of Lanchester's Law. Journal of the Operations Research
// Society of America 2(2):163–171.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("Validation: Engel 1954, Iwo Jima")
struct EngelValidationTests {
    /// Engel's constants: US losses per day a·N (so a is Japan's effectiveness), Japanese losses
    /// per day b·M (b is the US's).
    static let a = 0.0544, b = 0.0106
    static let japanese0 = 21_500.0
    /// US landings by day, instantaneous at the start of the day.
    static let landings: [Int: Double] = [0: 54_000, 2: 6_000, 5: 13_000]
    static let days = 36

    /// dM/dt = P(t) − a·N, dN/dt = −b·M with P a sum of impulses at t = 0, 2, 5, integrated with
    /// classic RK4 at a fixed step of 1/1000 day; combat stops once N reaches 0 (the last step is
    /// cut back to the crossing by linear interpolation). Returns (M, N) at each whole day t, just
    /// before that day's landing: the moment a simrun metric's value t samples.
    static func reference(steps perDay: Int = 1000) -> [(us: Double, japan: Double)] {
        var m = 0.0, n = japanese0
        var states: [(us: Double, japan: Double)] = []
        let h = 1.0 / Double(perDay)
        func rates(_ m: Double, _ n: Double) -> (Double, Double) { (-a * n, -b * m) }
        for day in 0...days {
            states.append((m, n))
            guard day < days else { break }
            m += landings[day] ?? 0
            for _ in 0..<perDay where n > 0 {
                let k1 = rates(m, n)
                let k2 = rates(m + h / 2 * k1.0, n + h / 2 * k1.1)
                let k3 = rates(m + h / 2 * k2.0, n + h / 2 * k2.1)
                let k4 = rates(m + h * k3.0, n + h * k3.1)
                let dm = h / 6 * (k1.0 + 2 * k2.0 + 2 * k3.0 + k4.0)
                let dn = h / 6 * (k1.1 + 2 * k2.1 + 2 * k3.1 + k4.1)
                if n + dn <= 0 {
                    // The crossing: the share of the step that brings N to 0.
                    m += dm * (n / -dn)
                    n = 0
                } else {
                    m += dm
                    n += dn
                }
            }
        }
        return states
    }

    // Measured when this test was written: simulated day 36, Japanese 0 (destroyed during day 35, at
    // t ≈ 35.44; 247.5 left at day 35) and US 52,796.7 active. Engel's paper: roughly 53,000 US
    // active at the end and the Japanese force practically wiped out (approximate figures; the test
    // checks the integration, not the historical record). Largest relative error of any day against
    // the RK4 reference: 1.3e-8.
    @Test("US and Japanese strengths every day within 0.5% of an RK4 integration")
    func iwoJima() throws {
        let report = try PublishedCase.run("engel.lua")
        let us = PublishedCase.metric(report, "us"), japan = PublishedCase.metric(report, "japan")
        try #require(us.count == Self.days + 1 && japan.count == Self.days + 1, "\(us.count), \(japan.count) values")
        let reference = Self.reference()
        // The US scale: everything that lands; the Japanese scale: their initial strength.
        let usScale = Self.landings.values.reduce(0, +)

        var worst = 0.0
        for t in 0...Self.days {
            let expected = reference[t]
            #expect(
                PublishedCase.withinHalfPercent(us[t], expected.us, scale: usScale),
                "US on day \(t): \(us[t]) vs \(expected.us)")
            #expect(
                PublishedCase.withinHalfPercent(japan[t], expected.japan, scale: Self.japanese0),
                "Japan on day \(t): \(japan[t]) vs \(expected.japan)")
            worst = max(
                worst, PublishedCase.relativeError(us[t], expected.us, scale: usScale),
                PublishedCase.relativeError(japan[t], expected.japan, scale: Self.japanese0))
        }
        #expect(worst < 1e-6, "largest relative error \(worst)")

        // Value 0 is before the first landing; value 1 after a day of fighting the first wave.
        #expect(us[0] == 0 && japan[0] == Self.japanese0)
        // The model's end, as the scenario's comment and Engel's account give it: the Japanese force
        // destroyed within the 36 days, some 53,000 US troops active.
        #expect(japan[Self.days] == 0)
        #expect(abs(us[Self.days] - 53_000) < 1_000, "US at day 36: \(us[Self.days])")
        #expect(PublishedCase.number(report, "us_final") == us[Self.days])
        #expect(PublishedCase.number(report, "japan_final") == 0)
        let eliminated = PublishedCase.events(report, "eliminated")
        #expect(eliminated.count == 1)
        #expect(eliminated.first?.tick == 35)
        #expect(eliminated.first.map { report.world.agents[$0.agents[0]].id } == "japan")
        // The landings are `deploy` events at the start of days 0, 2 and 5.
        let deploys = PublishedCase.events(report, "deploy")
        #expect(deploys.map(\.tick) == [0, 2, 5])
    }

    /// The reference integrator converges: halving its step changes no day by more than 1e-6 relative.
    @Test("The RK4 reference is converged")
    func referenceConverged() {
        let fine = Self.reference(steps: 1000), coarse = Self.reference(steps: 500)
        for t in 0...Self.days {
            #expect(abs(fine[t].us - coarse[t].us) <= 1e-6 * max(fine[t].us, 1))
            #expect(abs(fine[t].japan - coarse[t].japan) <= 1e-6 * max(fine[t].japan, 1))
        }
    }
}
