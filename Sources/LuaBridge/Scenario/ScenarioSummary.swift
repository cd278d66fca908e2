// ScenarioSummary: what `simrun check` shows of a scenario that loaded — its params, agents,
// regions and hooks — without stepping it: as text for a terminal, as JSON for editors and scripts.
import SimCore
import SimReports
import SimSupport

/// The shape of a loaded scenario.
package struct ScenarioSummary: Sendable {
    package var info: ScenarioInfo
    package var start: SimDate
    package var steps: Int
    package var params: [ParamDeclaration]
    /// The params the request overrode, typed as the scenario declares them, in the order given:
    /// what a batch design fixes.
    package var overrides: [(String, ScalarValue)]
    /// (id, name, kind)
    package var agents: [(String, String, String)]
    /// (id, name, country id)
    package var regions: [(String, String, String?)]
    package var linkCount: Int
    /// Hook kind → how many, in a fixed order.
    package var hooks: [(String, Int)]
    package var eventTypes: [String]
    package var policyAgents: [String]
    package var metrics: [String]
    package var outcomes: [String]
    /// The facts of the historical record it declares (`sim.observed`).
    package var observed: [String]
    package var warnings: [String]

    init(_ scenario: LoadedScenario) {
        let world = scenario.world, definition = scenario.definition
        info = scenario.info()
        start = world.start
        steps = scenario.steps
        params = definition.params
        overrides = scenario.overrides
        agents = world.agents.map { ($0.id, $0.name, $0.kind) }
        regions = world.regions.map { ($0.id, $0.name, $0.country.map { world.agents[$0].id }) }
        linkCount = world.links.count
        let eventHandlerCount = definition.eventHandlers.values.reduce(0) { $0 + $1.count }
        hooks = [
            ("at", definition.atHooks.count), ("every", definition.everyHooks.count),
            ("on tick", definition.tickHandlers.count),
            ("on event", eventHandlerCount + definition.anyEventHandlers.count),
            ("when", definition.triggers.count), ("policy", definition.policies.count),
        ]
        eventTypes =
            definition.eventHandlers.keys.sorted().map(\.text) + (definition.anyEventHandlers.isEmpty ? [] : ["*"])
        policyAgents = definition.policies.map { world.agents[$0.agent].id }
        metrics = definition.metricNames
        outcomes = definition.outcomeNames
        observed = definition.observedNames
        warnings = world.warnings
    }

    /// A listing for a terminal.
    package func text() -> String {
        var out = "\(info.name) (\(info.file))\n"
        if !info.description.isEmpty { out += "  \(info.description)\n" }
        if let source = info.source { out += "  source: \(source)\n" }
        out += "  start \(start), \(steps) steps, sha256 \(info.sha256.prefix(16))…\n\n"
        out += "PARAMS (\(params.count))\n"
        for p in params {
            let range = Self.range(p)
            let changed = p.value == p.defaultValue ? "" : " (default \(p.defaultValue))"
            out +=
                "  \(p.name) = \(p.value)\(changed)\(range.isEmpty ? "" : " " + range)\(p.doc.map { "  \($0)" } ?? "")\n"
        }
        for (name, value) in overrides where name.hasPrefix(DynamicsRate.paramPrefix) {
            out += "  \(name) = \(value)  (a built-in rate, pinned for the whole run)\n"
        }
        out += "\nAGENTS (\(agents.count))\n"
        for (id, name, kind) in agents { out += "  \(id)  \(name)  [\(kind)]\n" }
        out += "\nREGIONS (\(regions.count), \(linkCount) links)\n"
        for (id, name, country) in regions { out += "  \(id)  \(name)\(country.map { "  (\($0))" } ?? "")\n" }
        out += "\nHOOKS\n"
        out += "  " + hooks.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "\n"
        if !eventTypes.isEmpty { out += "  event handlers for: \(eventTypes.joined(separator: ", "))\n" }
        if !policyAgents.isEmpty { out += "  policies of: \(policyAgents.joined(separator: ", "))\n" }
        out += "\nMETRICS (\(metrics.count)): \(metrics.joined(separator: ", "))\n"
        out += "OUTCOMES (\(outcomes.count)): \(outcomes.joined(separator: ", "))\n"
        if !observed.isEmpty { out += "OBSERVED (\(observed.count)): \(observed.joined(separator: ", "))\n" }
        if !warnings.isEmpty {
            out += "\nWARNINGS\n" + warnings.map { "  \($0)\n" }.joined()
        }
        return TerminalText.safe(out)
    }

    /// What a param may take: `[min..max]`, `{a|b}`, and whether a sample leaves it fixed; empty when free.
    static func range(_ p: ParamDeclaration) -> String {
        var parts: [String] = []
        if p.min != nil || p.max != nil {
            parts.append("[\(p.min.map(ScalarValue.plainText) ?? "")..\(p.max.map(ScalarValue.plainText) ?? "")]")
        }
        if let choices = p.choices { parts.append("{" + choices.map(\.description).joined(separator: "|") + "}") }
        if p.fixed { parts.append("(fixed: not sampled)") }
        return parts.joined(separator: " ")
    }

    /// The listing as a JSON document (`simrun check --format json`): the same facts as `text()`,
    /// every param with its type, bounds, choices and doc, for editors and scripts.
    package func json() -> JSONValue {
        let scenario: JSONValue = [
            "name": .string(info.name), "description": .string(info.description), "file": .string(info.file),
            "source": .string(orNull: info.source), "sha256": .string(info.sha256),
            "start": .string(start.description), "steps": .int(steps),
        ]
        let pinned = overrides.filter { $0.0.hasPrefix(DynamicsRate.paramPrefix) }
        return [
            "scenario": scenario,
            "params": .array(params.map(Self.json)),
            "pinned_rates": .object(pinned.map { ($0.0, JSONValue($0.1)) }),
            "agents": .array(agents.map { ["id": .string($0.0), "name": .string($0.1), "kind": .string($0.2)] }),
            "regions": .array(
                regions.map { ["id": .string($0.0), "name": .string($0.1), "country": .string(orNull: $0.2)] }),
            "links": .int(linkCount),
            // Keys without spaces ("on tick" → "on_tick"), so scripts can write `.hooks.on_tick`.
            "hooks": .object(hooks.map { (String($0.0.map { $0 == " " ? "_" : $0 }), .int($0.1)) }),
            "event_types": .array(eventTypes.map(JSONValue.string)),
            "policies": .array(policyAgents.map(JSONValue.string)),
            "metrics": .array(metrics.map(JSONValue.string)),
            "outcomes": .array(outcomes.map(JSONValue.string)),
            "observed": .array(observed.map(JSONValue.string)),
            "warnings": .array(warnings.map(JSONValue.string)),
        ]
    }

    /// One param: `value` is the value in force, `default` the declared one; absent bounds and
    /// choices are null, so every param has the same keys.
    private static func json(_ param: ParamDeclaration) -> JSONValue {
        // An integer param's bounds are integers (kept as doubles for the range checks).
        func bound(_ x: Double?) -> JSONValue {
            guard let x else { return .null }
            if case .integer = param.defaultValue, let integer = Int(exactly: x) { return .int(integer) }
            return .number(x)
        }
        return [
            "name": .string(param.name), "type": .string(typeName(param.defaultValue)),
            "value": JSONValue(param.value), "default": JSONValue(param.defaultValue),
            "min": bound(param.min), "max": bound(param.max),
            "choices": param.choices.map { .array($0.map(JSONValue.init)) } ?? .null,
            "fixed": .bool(param.fixed), "doc": .string(orNull: param.doc),
        ]
    }

    /// The Lua type a param takes, as docs/scenario-api.md names it.
    static func typeName(_ value: ScalarValue) -> String {
        switch value {
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .string: return "string"
        }
    }
}
