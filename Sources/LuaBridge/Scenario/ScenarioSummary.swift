// ScenarioSummary: what `simrun check` shows of a scenario that loaded — its params, agents,
// regions and hooks — without stepping it.
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
            var range = ""
            if p.min != nil || p.max != nil {
                range = " [\(p.min.map(ScalarValue.plainText) ?? "")..\(p.max.map(ScalarValue.plainText) ?? "")]"
            }
            if let choices = p.choices { range += " {" + choices.map(\.description).joined(separator: "|") + "}" }
            if p.fixed { range += " (fixed: not sampled)" }
            let changed = p.value == p.defaultValue ? "" : " (default \(p.defaultValue))"
            out += "  \(p.name) = \(p.value)\(changed)\(range)\(p.doc.map { "  \($0)" } ?? "")\n"
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
}
