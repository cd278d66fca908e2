// BatchFlow: the way into a batch of one scenario, written once for `batch` and for the paired runs
// of `compare` — check the scenario with its fixed params, type those params like the scenario
// declares them, build the design, plan the runs.
import LuaBridge
import SimBatch
import SimCore

struct BatchFlow {
    /// The request the scenario was checked with: its file, steps, fixed params and limits.
    let request: RunRequest
    /// What the scenario declares, its params set as the request asks.
    let scenario: ScenarioSummary

    /// Loads the scenario and runs its setup once, before any run: a scenario that does not load, a
    /// param it does not declare or a value that does not fit stops the batch here.
    init(checking request: RunRequest) throws(CLIError) {
        self.request = request
        scenario = try ScenarioRunner.check(request).mapError(CLIError.init).get()
    }

    /// The design: the fixed params at every point, then either the full factorial of `sweeps` or
    /// `sample` points of a Latin hypercube over the declared ranges of the params left free. A
    /// sweep or sample the scenario's params do not allow is a usage error.
    func design(
        runsPerPoint: Int, seed: UInt64, sweeps: [String] = [],
        sample: Int? = nil
    ) throws(CLIError) -> BatchDesign {
        let isFixed = { (name: String) in request.overrides.contains { $0.0 == name } }
        var parsed: [Sweep] = []
        for text in sweeps {
            do throws(DesignError) {
                parsed.append(try sweep(text, excluding: parsed, isFixed: isFixed))
            } catch {
                throw CLIError(error.message, .usage)
            }
        }
        guard let sample else {
            return BatchDesign(
                runsPerPoint: runsPerPoint, seed: seed, steps: request.steps, fixed: fixed,
                sweeps: parsed)
        }
        let ranges = scenario.params.compactMap { param -> ParamRange? in
            guard !isFixed(param.name), let min = param.min, let max = param.max, param.isNumeric else { return nil }
            if case .integer = param.defaultValue {
                return ParamRange(name: param.name, min: min, max: max, isInteger: true)
            }
            return ParamRange(name: param.name, min: min, max: max, isInteger: false)
        }
        guard !ranges.isEmpty else {
            throw CLIError(
                "--sample lhs:\(sample): no numeric param with a declared min and max is left to sample",
                .usage)
        }
        return BatchDesign(
            runsPerPoint: runsPerPoint, seed: seed, steps: request.steps, fixed: fixed,
            latinHypercube: sample, ranges: ranges)
    }

    /// The runs of `design` to do, on `jobs` threads.
    func plan(
        _ design: BatchDesign, runs: [Int], jobs: Int, keepMetrics: Bool = false,
        keepTrace: Bool = false
    ) -> BatchPlan {
        BatchPlan(
            file: request.file, design: design, limits: request.limits, runs: runs, jobs: jobs,
            keepMetrics: keepMetrics, keepTrace: keepTrace)
    }

    /// Runs the whole plan and returns its records in run order.
    func records(of plan: BatchPlan) -> [RunRecord] {
        let collected = RecordCollector()
        _ = BatchRunner.run(plan, stop: BatchStop(), tick: {}, emit: collected.add)
        return collected.records
    }

    /// The fixed params, typed like their declarations by the check, in command-line order.
    private var fixed: [(String, ScalarValue)] { scenario.overrides }

    /// The param the scenario declares by that name (the first, should it declare two).
    private func declaration(of name: String) -> ParamDeclaration? {
        scenario.params.first { $0.name == name }
    }

    /// One `--sweep NAME=...`, its values typed like the param's default and inside its range.
    private func sweep(
        _ text: String, excluding earlier: [Sweep],
        isFixed: (String) -> Bool
    ) throws(DesignError) -> Sweep {
        let name = try Sweep.name(of: text)
        guard let param = declaration(of: name) else {
            let known = scenario.params.map(\.name).joined(separator: ", ")
            throw DesignError(message: "--sweep \(name): the scenario has no such param (known: \(known))")
        }
        guard !isFixed(name), !earlier.contains(where: { $0.name == name }) else {
            throw DesignError(message: "--sweep \(name): the param is already fixed or swept")
        }
        let sweep = try Sweep.parse(text, defaultValue: param.defaultValue)
        for value in sweep.values {
            if let outside = param.outsideRange(value) {
                throw DesignError(message: "--sweep \(name): \(value) is \(outside)")
            }
        }
        return sweep
    }
}
