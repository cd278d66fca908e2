// BindingContext+Output: sim.metric, sim.outcome, sim.observed and sim.log (and `print`, its
// alias) — what a run reports besides the world's state.
import SimCore
import SimReports

extension BindingContext {
    private func uniqueName(
        _ args: LuaArguments, kind: ScenarioDefinition.NameKind, what: String
    ) throws(BindingError) -> String {
        let name = try args.string(1, "name")
        guard !name.isEmpty else { throw args.fail("argument #1 (name) must not be empty") }
        guard !definition.declares(name, as: kind) else {
            throw args.fail("\(what) '\(name)' is already declared")
        }
        return name
    }

    func metric(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try requireSetup(args)
        let name = try uniqueName(args, kind: .metric, what: "metric")
        definition.addMetric(name, Hook(function: try args.function(2, "fn"), origin: callerLocation()))
        return 0
    }

    func outcome(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try requireSetup(args)
        let name = try uniqueName(args, kind: .outcome, what: "outcome")
        definition.addOutcome(name, Hook(function: try args.function(2, "fn"), origin: callerLocation()))
        return 0
    }

    /// `sim.observed(name, fn)`: a fact of the historical record; `fn` says at the end of the run
    /// whether this run reproduced it.
    func observed(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try requireSetup(args)
        let name = try uniqueName(args, kind: .observed, what: "observed fact")
        definition.addObserved(name, Hook(function: try args.function(2, "fn"), origin: callerLocation()))
        return 0
    }

    /// Joins its arguments with tabs, like `print`; numbers as Lua writes them.
    func log(_ args: LuaArguments) throws(BindingError) -> Int32 {
        var parts: [String] = []
        for index in 1..<(args.count + 1) {
            // A log line is free text: bytes that are not UTF-8 show as U+FFFD instead of failing.
            switch lua.string(at: index).map({ ScalarValue.string($0) }) ?? (try? lua.scalar(at: index)) {
            case .string(let text): parts.append(text)
            case .integer(let v): parts.append(String(v))
            case .number(let v): parts.append(LuaNumberText.format(v))
            case .boolean(let v): parts.append(v ? "true" : "false")
            case nil:
                guard args.isNil(index) else {
                    throw args.fail(
                        "argument #\(index) must be a string, number or boolean, "
                            + "got \(lua.typeName(at: index))")
                }
                parts.append("nil")
            }
        }
        let line = LogLine(tick: world.tick, text: parts.joined(separator: "\t"))
        lua.charge(bytes: line.text.utf8.count + 64)
        log.append(line)
        return 0
    }
}
