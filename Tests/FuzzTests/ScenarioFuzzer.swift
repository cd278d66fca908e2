// ScenarioFuzzer: random scenarios for the fuzz tests — a small valid world, then random calls of
// every sim.* function and of the sandbox's library with random arguments of every type (extreme
// numbers, Unicode-equivalent and invalid UTF-8 strings, tables, functions), at setup and in hooks,
// most through pcall so that a run goes deep rather than stopping at the first refusal.
struct ScenarioFuzzer {
    private var random: FuzzRandom

    init(seed: UInt64) { random = FuzzRandom(seed: seed) }

    static let functions = [
        "scenario", "param", "dynamics", "region", "link", "agent", "align", "alignment", "shift", "tie", "cut",
        "tied", "baseline", "war", "peace", "at_war", "deploy", "move", "forces", "strength", "moving", "clash",
        "loss", "losses", "get", "set", "add", "agents", "agent_info", "regions", "neighbors", "distance", "tick",
        "date", "balance", "coalitions", "on", "emit", "at", "every", "when", "policy", "stop", "random", "chance",
        "normal", "choose", "metric", "outcome", "observed", "log", "include",
    ]
    static let library = [
        "string.rep", "string.sub", "string.byte", "string.format", "string.find", "string.gsub", "table.concat",
        "table.sort", "table.unpack", "table.insert", "utf8.char", "utf8.codepoint", "utf8.len", "tostring",
        "tonumber", "pairs", "ipairs", "select", "setmetatable", "rawset", "math.floor", "math.random", "error",
    ]
    static let ids = ["a", "b", "c", "r1", "r2", "nobody"]
    static let fields = [
        "id", "name", "kind", "resources", "effectiveness", "region", "from", "to", "value", "strength", "days",
        "weight", "min", "max", "doc", "choices", "fixed", "sample", "start", "steps", "tick_days", "balance",
        "decay", "speed", "noise", "thresholds", "patron", "capital", "neighbors", "data", "agents", "type",
    ]

    /// A scenario of a few agents and regions, then `statements` random statements.
    mutating func scenario(statements: Int) -> String {
        var lines = [
            "sim.scenario{name = \"fuzz\", start = \"2024-01-01\", steps = \(random.int(0...30))}",
            "sim.region{id = \"r1\", name = \"One\"}", "sim.region{id = \"r2\", name = \"Two\"}",
            "pcall(sim.link, \"r1\", \"r2\", 3)",
            "sim.agent{id = \"a\", kind = \"state\", resources = {money = 10}}",
            "sim.agent{id = \"b\", kind = \"armed_group\"}", "sim.agent{id = \"c\", kind = \"pmc\"}",
            "pcall(sim.deploy, \"a\", \"r1\", 500)", "pcall(sim.deploy, \"b\", \"r1\", 300)",
            "pcall(sim.align, \"a\", \"b\", -0.8)",
        ]
        for _ in 0..<statements { lines.append(statement(depth: 0)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func statement(depth: Int) -> String {
        switch random.int(0...9) {
        case 0 where depth < 2:
            let hook = random.pick([
                "sim.on(\"tick\", ", "sim.every(\(random.int(1...5)), ", "sim.at(\(random.int(0...10)), ",
            ])
            return hook + function(depth: depth + 1) + ")"
        case 1 where depth < 2:
            return "pcall(sim.policy, \(value(depth: 2)), " + function(depth: depth + 1) + ")"
        case 2:
            let kind = random.pick(["metric", "outcome", "observed"])
            return "pcall(sim.\(kind), \(string()), function() return \(value(depth: 2)) end)"
        case 3:
            return "pcall(\(random.pick(ScenarioFuzzer.library)), \(arguments(depth: depth)))"
        case 4:
            // Unprotected now and then: a refusal then ends the setup or the run, as it would for a user.
            return random.chance(0.2)
                ? "sim.\(random.pick(ScenarioFuzzer.functions))(\(arguments(depth: depth)))"
                : "pcall(sim.align, \(string()), \(string()), \(number()))"
        default:
            return "pcall(sim.\(random.pick(ScenarioFuzzer.functions)), \(arguments(depth: depth)))"
        }
    }

    private mutating func function(depth: Int) -> String {
        let body = (0..<random.int(1...4)).map { _ in statement(depth: depth) }.joined(separator: "; ")
        return "function(...) \(body) end"
    }

    private mutating func arguments(depth: Int) -> String {
        (0..<random.int(0...4)).map { _ in value(depth: depth) }.joined(separator: ", ")
    }

    private mutating func number() -> String {
        random.pick([
            "0", "1", "-1", "0.5", "3", "30", "1e308", "-1e308", "(0/0)", "(1/0)", "(-1/0)", "2^53", "2^63",
            "math.maxinteger", "math.mininteger", "1e-300", "-0.0", "9e15", "1000000", "0.25",
        ])
    }

    private mutating func string() -> String {
        random.pick([
            "\"a\"", "\"b\"", "\"c\"", "\"r1\"", "\"r2\"", "\"nobody\"", "\"\"", "\"\\u{C5}\"", "\"A\\u{30A}\"",
            "\"\\xff\\xfe\"", "\"tick\"", "\"war\"", "\"support\"", "\"2024-02-30\"", "\"money\"", "\"state\"",
            "string.rep(\"x\", 5000)", "\"a\\0b\"", "\"%s%d%n\"", "\"\\n\"",
        ])
    }

    private mutating func value(depth: Int) -> String {
        switch random.int(0...9) {
        case 0, 1, 2: return number()
        case 3, 4, 5: return string()
        case 6: return random.pick(["true", "false", "nil"])
        case 7 where depth < 2:
            let fields = (0..<random.int(0...4)).map { _ in
                random.chance(0.3)
                    ? value(depth: depth + 1) : "\(random.pick(ScenarioFuzzer.fields)) = \(value(depth: depth + 1))"
            }
            return "{" + fields.joined(separator: ", ") + "}"
        case 8 where depth < 2: return function(depth: depth + 1)
        default: return random.pick(ScenarioFuzzer.ids).debugDescription
        }
    }
}
