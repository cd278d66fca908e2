// SeedScenarioDynamicsTests: the shipped Sahel scenarios under the built-in dynamics of
// docs/dynamics.md — what the dynamics issue measured on them no longer happens.
import Foundation
import Testing

@Suite("Seed scenarios under the built-in dynamics")
struct SeedScenarioDynamicsTests {
    /// The JSON report of one run.
    static func report(_ scenario: String, seed: UInt64, _ extra: [String] = []) throws -> JSON {
        let result = try SimrunCLI.run(["run", scenario, "--seed", "\(seed)", "--format", "json"] + extra)
        #expect(result.exited(0), "\(result)")
        return try JSON.parse(result.stdout)
    }

    /// Agent id → its object in the report.
    static func agents(_ report: JSON) -> [String: JSON] {
        Dictionary(uniqueKeysWithValues: (report["agents"]?.array ?? []).map { ($0["id"]?.string ?? "", $0) })
    }

    @Test("ghadames, the seed where the LNA fought Russia's troops because Russia also arms Algeria: no such clash")
    func clientSparesItsPatron() throws {
        // restraint=0 is border.lua's old rule for the LNA (forces and backing alone), under which
        // this seed fought at Ghadames; by default a battle there is now the exception (issue 10).
        let report = try Self.report(
            "scenarios/sahel/ghadames.lua", seed: 4_288_033_058_300_258_979, ["--param", "restraint=0"])
        let clashes = (report["events"]?.array ?? []).filter { $0["type"]?.string == "clash" }
        let sides = clashes.map { Set(($0["agents"]?.array ?? []).compactMap(\.string)) }
        #expect(!sides.contains { $0.isSuperset(of: ["lna", "russia"]) })
        #expect(Self.agents(report)["russia"]?["losses"]?.double == 0)
        // The LNA did fight (Tripoli's forces at Ghadames): the spared patron is not a quiet run.
        #expect(sides.contains { $0.isSuperset(of: ["lna", "gnu"]) })
    }

    @Test("losses are first-class: no negative deploy, and the LNA's losses are what its strength lost")
    func lossesAreFirstClass() throws {
        for scenario in SimrunCLI.seedScenarios {
            for seed: UInt64 in [1, 4] {
                let report = try Self.report(scenario, seed: seed)
                let withdrawals = (report["events"]?.array ?? []).filter {
                    $0["type"]?.string == "deploy" && ($0["data"]?["strength"]?.double ?? 0) < 0
                }
                #expect(withdrawals.isEmpty, "\(scenario) seed \(seed)")
            }
        }
        // Seed 2: one of the few default runs where the LNA fights (seed 1 did before issue 10).
        let ghadames = try Self.report("scenarios/sahel/ghadames.lua", seed: 2)
        let reported = try #require(Self.agents(ghadames)["lna"]?["losses"]?.double)
        let outcome = try #require(ghadames["outcomes"]?["lna_losses"]?.double)
        #expect(reported > 100)
        #expect(abs(reported - outcome) <= 1e-9 * reported)
    }

    @Test("tinzaouaten: no pair crosses the hostility threshold more than twice in a run")
    func noFlapping() throws {
        // The measured problem: FAMa→Algeria crossed −0.5 three times in 54% of runs.
        for seed: UInt64 in 1...6 {
            let report = try Self.report("scenarios/sahel/tinzaouaten.lua", seed: seed)
            var crossings: [String: Int] = [:]
            for event in report["events"]?.array ?? [] where event["type"]?.string == "threshold" {
                let pair = (event["agents"]?.array ?? []).compactMap(\.string).joined(separator: "→")
                crossings[pair, default: 0] += 1
            }
            #expect(crossings.values.allSatisfy { $0 <= 2 }, "seed \(seed): \(crossings)")
        }
    }
}
