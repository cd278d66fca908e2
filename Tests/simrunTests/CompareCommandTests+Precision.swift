// CompareCommandTests+Precision: `simrun compare A.lua B.lua --runs N --precision W` — pairs run in
// rounds until the paired difference's 95% half-width is at most W (the round before was not), the
// same output for any --jobs, the cap respected, and an unknown outcome refused.
import Foundation
import Testing

extension CompareCommandTests {
    private static let draw = SimrunCLI.fixture("batch/draw.lua")

    private func compareDraws(_ flags: [String]) throws -> SimrunResult {
        try SimrunCLI.run(
            ["compare", Self.draw, Self.draw, "--variant-param", "p=0.4", "--seed", "5", "--format", "json"] + flags,
            timeout: 60)
    }

    /// Half the width of the paired difference of `hit`.
    private func pairedHalfWidth(_ result: SimrunResult) -> Double {
        let row = result.json?["paired"]?["outcomes"]?.array?.first { $0["outcome"]?.string == "hit" }
        let ci = row?["difference"]?["ci95"]?.array?.compactMap(\.double) ?? []
        return ci.count == 2 ? (ci[1] - ci[0]) / 2 : .infinity
    }

    @Test("paired runs stop at the first round whose paired difference is within W; the same for any --jobs")
    func pairedPrecision() throws {
        let width = 0.02
        let flags = ["--runs", "5000", "--precision", "hit=\(width)", "--round", "100"]
        let one = try compareDraws(flags + ["--jobs", "1"])
        #expect(one.exited(0), "\(one)")
        let n = try #require(one.json?["runs"]?.int)
        #expect(one.json?["stopped"]?.string == "precision")
        #expect(one.json?["precision"]?["outcomes"]?["hit"]?.double == width)
        #expect(n % 100 == 0 && n < 5000 && pairedHalfWidth(one) <= width)
        // The same pairs one round short (runs 0 ..< n − 100, the same seeds) are not yet precise.
        let before = try compareDraws(["--runs", String(n - 100)])
        #expect(before.exited(0) && before.json?["stopped"] == nil && before.json?["precision"] == nil)
        #expect(pairedHalfWidth(before) > width)
        let two = try compareDraws(flags + ["--jobs", "2"])
        #expect(two.out == one.out)
    }

    @Test("paired runs stop at the cap; an unknown outcome or W ≤ 0 is refused with exit 64")
    func pairedPrecisionCapAndErrors() throws {
        let capped = try compareDraws(["--runs", "150", "--precision", "0.0001"])
        #expect(capped.exited(0), "\(capped)")
        #expect(capped.json?["runs"]?.int == 150 && capped.json?["stopped"]?.string == "cap")
        for (flags, message) in [
            (["--precision", "nope=0.1"], "--precision nope: the scenario has no such outcome"),
            (["--precision", "-1"], "--precision takes W or NAME=W with W a number above 0"),
        ] {
            let result = try compareDraws(["--runs", "10"] + flags)
            #expect(result.exited(64), "\(result)")
            #expect(result.errLines.first?.contains(message) == true, "\(result.err)")
        }
    }
}
