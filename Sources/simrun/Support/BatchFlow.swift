// BatchFlow: the way into a batch of one scenario, written once for `batch` and for the paired runs
// of `compare` — check the scenario with its fixed params, type those params like the scenario
// declares them (or as numbers, for the built-in rates `dynamics.NAME`), build the design, plan the runs.
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
    /// `sample` points of a Latin hypercube over the declared ranges of the params left free — or,
    /// with `varying`, over the ranges of those params only (a rate's documented range). A sweep or
    /// sample the params do not allow is a usage error.
    func design(
        runsPerPoint: Int, seed: UInt64, sweeps: [String] = [],
        sample: Int? = nil, varying: [String] = []
    ) throws(CLIError) -> BatchDesign {
        let isFixed = { (name: String) in request.overrides.contains { $0.0 == name } }
        do throws(DesignError) {
            var parsed: [Sweep] = []
            for text in sweeps { parsed.append(try sweep(text, excluding: parsed, isFixed: isFixed)) }
            try BatchDesign.checkSize(runsPerPoint: runsPerPoint, sweeps: parsed, sample: sample)
            guard let sample else {
                if let name = varying.first {
                    throw DesignError(message: "--vary \(name) needs --sample lhs:K")
                }
                return BatchDesign(
                    runsPerPoint: runsPerPoint, seed: seed, steps: request.steps, fixed: fixed,
                    sweeps: parsed)
            }
            let ranges = try sampledRanges(varying: varying)
            guard !ranges.isEmpty else {
                throw DesignError(
                    message: "--sample lhs:\(sample): no param is left to sample (a number with a declared min and "
                        + "max, a boolean or choices, not fixed)")
            }
            return BatchDesign(
                runsPerPoint: runsPerPoint, seed: seed, steps: request.steps, fixed: fixed,
                latinHypercube: sample, ranges: ranges)
        } catch {
            throw CLIError(error.message, .usage)
        }
    }

    /// The ranges a sample covers: those of `varying` (a scenario param's declared min and max, a
    /// rate's documented range), or without it every numeric param with both that `--param` leaves free.
    func sampledRanges(varying: [String]) throws(DesignError) -> [ParamRange] {
        let isFixed = { (name: String) in request.overrides.contains { $0.0 == name } }
        // Without --vary, the uncertainties: params declared `fixed` are settings, left alone.
        var ranges =
            varying.isEmpty
            ? scenario.params.filter { !isFixed($0.name) && !$0.fixed }.compactMap(BatchFlow.range) : []
        for name in varying { ranges.append(try range(varying: name, excluding: ranges, isFixed: isFixed)) }
        return ranges
    }

    /// The params every row of `design` carries, as the runs file names its columns: the scenario's
    /// in declaration order, then the rates the design sets, in the order runs are given them.
    func paramColumns(_ design: BatchDesign) -> [String] {
        scenario.params.map(\.name) + design.paramNames.filter(DynamicsRate.isRate)
    }

    /// The runs of `design` to do, on `jobs` threads.
    func plan(
        _ design: BatchDesign, runs: [Int], jobs: Int, keepMetrics: Bool = false,
        keepTrace: Bool = false
    ) -> BatchPlan {
        BatchPlan(
            file: request.file, design: design, limits: request.limits, runs: runs, jobs: jobs,
            keepMetrics: keepMetrics, keepTrace: keepTrace, libraries: request.libraries)
    }

    /// Runs the whole plan and returns its records in run order.
    func records(of plan: BatchPlan) -> [RunRecord] {
        let collected = RecordCollector()
        _ = BatchRunner.run(plan, stop: BatchStop(), tick: {}, emit: collected.add)
        return collected.records
    }

    /// The fixed params, typed like their declarations by the check, in command-line order.
    var fixed: [(String, ScalarValue)] { scenario.overrides }

    /// The declared param of that name (the first, should the scenario declare two); an error
    /// naming `flag` and the known params when there is none.
    private func declaration(of name: String, flag: String) throws(DesignError) -> ParamDeclaration {
        guard let param = scenario.params.first(where: { $0.name == name }) else {
            let known = scenario.params.map(\.name).joined(separator: ", ")
            throw DesignError(message: "\(flag) \(name): the scenario has no such param (known: \(known))")
        }
        return param
    }

    /// One `--sweep NAME=...`, its values typed like the param's default (a rate's are numbers) and
    /// inside its range (a rate's allowed one).
    private func sweep(
        _ text: String, excluding earlier: [Sweep],
        isFixed: (String) -> Bool
    ) throws(DesignError) -> Sweep {
        let name = try Sweep.name(of: text)
        let defaultValue: ScalarValue
        let outside: (ScalarValue) -> String?
        if DynamicsRate.isRate(name) {
            let rate = try DynamicsRate.named(param: name, flag: "--sweep")
            (defaultValue, outside) = (.number(rate.defaultValue), rate.outsideAllowed)
        } else {
            let param = try declaration(of: name, flag: "--sweep")
            (defaultValue, outside) = (param.defaultValue, param.outsideRange)
        }
        guard !isFixed(name), !earlier.contains(where: { $0.name == name }) else {
            throw DesignError(message: "--sweep \(name): the param is already fixed or swept")
        }
        let sweep = try Sweep.parse(text, defaultValue: defaultValue)
        for value in sweep.values {
            if let outside = outside(value) {
                throw DesignError(message: "--sweep \(name): \(value) is \(outside)")
            }
        }
        return sweep
    }

    /// The range `--vary NAME` samples: a scenario param's declared min and max, or a rate's
    /// documented range.
    private func range(
        varying name: String, excluding earlier: [ParamRange],
        isFixed: (String) -> Bool
    ) throws(DesignError) -> ParamRange {
        let range: ParamRange
        if DynamicsRate.isRate(name) {
            range = try DynamicsRate.named(param: name, flag: "--vary").sampledRange
        } else {
            guard let declared = BatchFlow.range(of: try declaration(of: name, flag: "--vary")) else {
                throw DesignError(
                    message: "--vary \(name): only a number with a declared min and max, a boolean or choices can be "
                        + "sampled")
            }
            range = declared
        }
        guard !isFixed(name), !earlier.contains(where: { $0.name == name }) else {
            throw DesignError(message: "--vary \(name): the param is already fixed or varied")
        }
        return range
    }

    /// What a sample draws of a param: its choices, false or true for a boolean, or a number's
    /// declared min and max; nil for a string without choices or a number without both bounds (or
    /// with bounds too far apart for a double to hold the span between them).
    private static func range(of param: ParamDeclaration) -> ParamRange? {
        if let choices = param.choices { return ParamRange(name: param.name, choices: choices) }
        if case .boolean = param.defaultValue {
            return ParamRange(name: param.name, choices: [.boolean(false), .boolean(true)])
        }
        guard let min = param.min, let max = param.max, (max - min).isFinite, param.isNumeric else { return nil }
        if case .integer = param.defaultValue {
            return ParamRange(name: param.name, min: min, max: max, isInteger: true)
        }
        return ParamRange(name: param.name, min: min, max: max, isInteger: false)
    }
}
