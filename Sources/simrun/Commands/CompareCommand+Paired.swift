// CompareCommand+Paired: `simrun compare A.lua B.lua --runs N` — both scenarios run N times with the
// same run seeds (those of `simrun batch --seed S`), so the runs pair up under common random numbers.
import LuaBridge
import SimBatch
import SimSupport

extension CompareCommand {
    /// Runs both sides and renders their paired comparison.
    func pairedRuns(_ pair: ScenarioPair, runs: Int) throws(CLIError) -> String {
        var sides: [(records: [RunRecord], outcomes: [String])] = []
        for side in 0..<2 {
            let request = pair.request(side, seed: scenario.seed, steps: scenario.steps, limits: limits)
            let flow = try BatchFlow(checking: request)
            let design = try flow.design(runsPerPoint: runs, seed: scenario.seed)
            let records = flow.records(of: flow.plan(design, runs: Array(0..<runs), jobs: jobs))
            sides.append((records, flow.scenario.outcomes))
        }
        let common = sides[0].outcomes.filter(sides[1].outcomes.contains)
        let comparison = PairedComparison(base: sides[0].records, variant: sides[1].records, outcomes: common)
        var warnings: [String] = []
        for (side, other) in [(0, 1), (1, 0)] {
            let only = sides[side].outcomes.filter { !sides[other].outcomes.contains($0) }
            if !only.isEmpty {
                warnings.append("outcomes only in \(pair.label(side)): \(only.joined(separator: ", "))")
            }
        }
        if comparison.failedPairs > 0 {
            warnings.append(
                "\(comparison.failedPairs) of \(runs) pairs left out: a run failed "
                    + "(simrun batch shows why)")
        }
        let seed = scenario.seed
        let heading = "\(pair.label(0)) vs \(pair.label(1)): \(runs) paired runs, seeds from --seed \(seed)"
        let params = { (own: [(String, String)]) in
            JSONValue.object((pair.common + own).map { ($0.0, .string($0.1)) })
        }
        let json: JSONValue = [
            "base": ["file": .string(pair.base), "params": params(pair.baseOnly)],
            "variant": ["file": .string(pair.variant), "params": params(pair.variantOnly)],
            "seed": .unsigned(seed),
            "runs": .int(runs),
            "warnings": .array(warnings.map(JSONValue.string)),
            "paired": comparison.json(),
        ]
        return render(comparison.tables(), json: json, warnings: warnings, heading: heading)
    }
}
