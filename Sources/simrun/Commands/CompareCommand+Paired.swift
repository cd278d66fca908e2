// CompareCommand+Paired: `simrun compare A.lua B.lua --runs N` — both scenarios run N times with the
// same run seeds (those of `simrun batch --seed S`), so the runs pair up under common random numbers.
import LuaBridge
import SimBatch
import SimSupport

extension CompareCommand {
    /// Runs both sides and renders their paired comparison. With `--precision`, the pairs run in
    /// rounds until every targeted outcome's paired difference is precise enough or `cap` pairs have run.
    func pairedRuns(_ pair: ScenarioPair, runs cap: Int) throws(CLIError) -> String {
        var sides: [(flow: BatchFlow, design: BatchDesign, records: [RunRecord], outcomes: [String])] = []
        for side in 0..<2 {
            let request = pair.request(side, seed: scenario.seed, steps: scenario.steps, limits: limits)
            let flow = try BatchFlow(checking: request)
            let design = try flow.design(runsPerPoint: cap, seed: scenario.seed)
            sides.append((flow, design, [], flow.scenario.outcomes))
        }
        let common = sides[0].outcomes.filter(sides[1].outcomes.contains)
        var targets: [(name: String, width: Double)] = []
        do throws(DesignError) {
            targets = try precision?.targets(declared: common) ?? []
        } catch {
            throw CLIError(error.message, .usage)
        }
        var runs = 0
        var stopped: AdaptiveRounds.Stop?
        var comparison = PairedComparison(base: [], variant: [], outcomes: common)
        while runs < cap && stopped == nil {
            let round = Array(runs..<min(runs + (precision?.round ?? cap), cap))
            for side in 0..<2 {
                let flow = sides[side].flow
                sides[side].records += flow.records(of: flow.plan(sides[side].design, runs: round, jobs: jobs))
            }
            runs = round.last.map { $0 + 1 } ?? cap
            comparison = PairedComparison(base: sides[0].records, variant: sides[1].records, outcomes: common)
            if precision != nil {
                stopped = comparison.isPrecise(targets) ? .precision : runs == cap ? .cap : nil
            }
        }
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
        let until = stopped.map { ", stopped by \($0.rawValue) (--runs \(cap) the cap)" } ?? ""
        let heading = "\(pair.label(0)) vs \(pair.label(1)): \(runs) paired runs\(until), seeds from --seed \(seed)"
        let params = { (own: [(String, String)]) in
            JSONValue.object((pair.common + own).map { ($0.0, .string($0.1)) })
        }
        var fields: [(String, JSONValue)] = [
            ("base", ["file": .string(pair.base), "params": params(pair.baseOnly)]),
            ("variant", ["file": .string(pair.variant), "params": params(pair.variantOnly)]),
            ("seed", .unsigned(seed)),
            ("runs", .int(runs)),
        ]
        if let precision, let stopped {
            fields += [("precision", precision.json()), ("stopped", .string(stopped.rawValue))]
        }
        fields += [("warnings", .array(warnings.map(JSONValue.string))), ("paired", comparison.json())]
        let json = JSONValue.object(fields)
        return render(comparison.tables(), json: json, warnings: warnings, heading: heading)
    }
}
