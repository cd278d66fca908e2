// PublishedModelTests: whole scenarios, written in Lua, whose results published models predict —
// Lanchester's square law (closed form) and Heider's structural balance (convergence).
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import SimTestSupport
import Testing

@testable import LuaBridge

@Suite("Published models")
struct PublishedModelTests {
    /// Two forces at war in one region, every dynamic but combat off (min_force too: the closed form
    /// has no smallest force); metrics of both strengths.
    static func lanchester(a: Double, b: Double, x0: Double, y0: Double, steps: Int, tickDays: Double) -> String {
        """
        sim.scenario{name="square law", start="2024-01-01", steps=\(steps), tick_days=\(tickDays)}
        sim.dynamics{noise=0, balance=0, decay=0, grievance=0, min_force=0}
        sim.agent{id="x", kind="state", effectiveness=\(a)}
        sim.agent{id="y", kind="armed_group", effectiveness=\(b)}
        sim.region{id="field", lat=0, lon=0}
        sim.align("x", "y", -1, {mutual=true})
        sim.war("x", "y")
        sim.deploy("x", "field", \(x0))
        sim.deploy("y", "field", \(y0))
        sim.metric("x", function() return sim.forces("x").field or 0 end)
        sim.metric("y", function() return sim.forces("y").field or 0 end)

        """
    }

    @Test(
        "Lanchester's square law: every tick matches the closed form within 0.5%",
        arguments: [
            (1.0, 15), (0.5, 30), (0.25, 40),
        ])
    func lanchester(_ tickDays: Double, _ steps: Int) throws {
        let law = SquareLaw(a: 0.05, b: 0.04, x0: 1000, y0: 800)
        let report = try runCompleted(
            Self.lanchester(
                a: law.a, b: law.b, x0: law.x0, y0: law.y0,
                steps: steps, tickDays: tickDays))
        let xs = report.metric("x"), ys = report.metric("y")
        #expect(xs.count == steps + 1 && ys.count == steps + 1)
        for t in 0...steps where t < xs.count && t < ys.count {
            let days = Double(t) * tickDays
            #expect(abs(xs[t] - law.x(days)) <= 0.005 * law.x(days), "x at tick \(t): \(xs[t]) vs \(law.x(days))")
            #expect(abs(ys[t] - law.y(days)) <= 0.005 * law.y(days), "y at tick \(t): \(ys[t]) vs \(law.y(days))")
        }
        // Each day of fighting is one clash event per tick.
        #expect(report.events("clash").count == steps)
    }

    @Test("Lanchester's square law: the weaker side is destroyed and the survivor keeps √(x0² − (b/a)·y0²)")
    func lanchesterToTheEnd() throws {
        let law = SquareLaw(a: 0.05, b: 0.04, x0: 1000, y0: 800)
        let report = try runCompleted(
            Self.lanchester(
                a: law.a, b: law.b, x0: law.x0, y0: law.y0,
                steps: 30, tickDays: 1))
        // x·a·x0² > b·y0²: y is destroyed when tanh(λt) = y0 / (x0·√(a/b)), after about 20 days.
        let end = law.annihilation
        #expect(end > 19 && end < 21)
        let survivor = law.survivor
        let xs = report.metric("x"), ys = report.metric("y")
        #expect(ys.last == 0)
        #expect(abs((xs.last ?? 0) - survivor) <= 0.005 * survivor)
        let eliminated = report.events("eliminated")
        #expect(eliminated.count == 1)
        #expect(eliminated.first?.agents == [1])
        #expect(eliminated.first?.tick == Int(end.rounded(.down)))
    }

    /// Twelve agents with random alignments in [−0.5, 0.5] drawn in Lua, balance at rate 1, no decay.
    /// Each pair is drawn once and set both ways, as in Heider's (and Kułakowski's) symmetric model:
    /// with independent directions, a pair can saturate at +1 one way and −1 the other, which the
    /// symmetrised index counts as 0, and about half the seeds then stop between 0.93 and 0.99.
    static let heider = """
        sim.scenario{name="heider", start="2024-01-01", steps=300}
        sim.dynamics{balance=1, decay=0}
        local ids = {}
        for i = 1, 12 do
          ids[i] = "g" .. i
          sim.agent{id=ids[i], kind="figure"}
        end
        for i = 1, 12 do
          for j = i + 1, 12 do
            sim.align(ids[i], ids[j], sim.random() - 0.5, {mutual=true})
          end
        end
        sim.metric("balance", function() return sim.balance() end)
        sim.outcome("balance", function() return sim.balance() end)

        """

    @Test(
        "Heider's structural balance: random alignments end balanced",
        arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 2024] as [UInt64])
    func heider(_ seed: UInt64) throws {
        let report = try runCompleted(Self.heider, seed: seed)
        let balance = report.metric("balance")
        #expect(balance.count == 301)
        // Random signs start far from balanced, and end balanced.
        #expect((balance.first ?? 1) < 0.9)
        guard case .number(let final) = report.outcome("balance") else {
            Issue.record("balance outcome: \(String(describing: report.outcome("balance")))")
            return
        }
        #expect(final > 0.99)
        #expect(final == balance.last)
        // Balanced means two camps: every alignment within a camp positive, across negative.
        let blocs = report.coalitions.blocs.filter { !$0.isEmpty }
        #expect(blocs.count >= 1 && blocs.count <= 2)
    }
}
