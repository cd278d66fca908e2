// CompareCommand+Paired: `simrun compare A.lua B.lua --runs N` — both scenarios run N times with the
// same run seeds (those of `simrun batch --seed S`), so the runs pair up under common random numbers.
import Foundation
import LuaBridge
import SimCore

extension CompareCommand {
    /// Runs both sides and renders their paired comparison.
    func pairedRuns(_ pair: ScenarioPair, runs: Int) -> Result<String, ScenarioFailure> {
        var sides: [(records: [RunRecord], outcomes: [String])] = []
        for side in 0..<2 {
            let request = pair.request(side, seed: seed, steps: steps, limits: limits)
            let scenario: ScenarioSummary
            switch ScenarioRunner.check(request) {
            case .failure(let failure): return .failure(failure)
            case .success(let summary): scenario = summary
            }
            let declared = Dictionary(scenario.params.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            let fixed = request.params.map { name, _ in (name, declared[name]!) }
            let design = BatchDesign(runsPerPoint: runs, seed: seed, steps: steps, fixed: fixed, sweeps: [])
            let plan = BatchPlan(file: request.file, design: design, limits: limits, runs: Array(0..<runs), jobs: jobs,
                                 keepMetrics: false, keepTrace: false)
            let collected = RecordCollector()
            _ = BatchRunner.run(plan, stop: BatchStop(), tick: {}, emit: collected.add)
            sides.append((collected.records, scenario.outcomes))
        }
        let common = sides[0].outcomes.filter(sides[1].outcomes.contains)
        let comparison = PairedComparison(base: sides[0].records, variant: sides[1].records, outcomes: common)
        var warnings: [String] = []
        for (side, other) in [(0, 1), (1, 0)] {
            let only = sides[side].outcomes.filter { !sides[other].outcomes.contains($0) }
            if !only.isEmpty { warnings.append("outcomes only in \(pair.label(side)): \(only.joined(separator: ", "))") }
        }
        if comparison.failedPairs > 0 {
            warnings.append("\(comparison.failedPairs) of \(runs) pairs left out: a run failed (simrun batch shows why)")
        }
        let heading = "\(pair.label(0)) vs \(pair.label(1)): \(runs) paired runs, seeds from --seed \(seed)"
        let json: JSONValue = [
            "base": ["file": .string(pair.base), "params": .object(pair.common.map { ($0.0, .string($0.1)) } + pair.baseOnly.map { ($0.0, .string($0.1)) })],
            "variant": ["file": .string(pair.variant), "params": .object(pair.common.map { ($0.0, .string($0.1)) } + pair.variantOnly.map { ($0.0, .string($0.1)) })],
            "seed": .unsigned(seed),
            "runs": .int(runs),
            "warnings": .array(warnings.map(JSONValue.string)),
            "paired": comparison.json(),
        ]
        return .success(render(comparison.tables(), json: json, warnings: warnings, heading: heading))
    }
}

/// Gathers a batch's records as the runner emits them (in run order, never concurrently).
private final class RecordCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [RunRecord] = []

    func add(_ record: RunRecord) { lock.withLock { collected.append(record) } }

    var records: [RunRecord] { lock.withLock { collected } }
}
