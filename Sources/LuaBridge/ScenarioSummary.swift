// ScenarioSummary: what `simrun check` shows of a scenario that loaded — its params, agents,
// regions and hooks — without stepping it.
import SimCore
import SimSupport
import SimReports

/// The shape of a loaded scenario.
public struct ScenarioSummary: Sendable {
    public var info: ScenarioInfo
    public var start: SimDate
    public var steps: Int
    public var params: [ParamDeclaration]
    /// (id, name, kind)
    public var agents: [(String, String, String)]
    /// (id, name, country id)
    public var regions: [(String, String, String?)]
    public var linkCount: Int
    /// Hook kind → how many, in a fixed order.
    public var hooks: [(String, Int)]
    public var eventTypes: [String]
    public var policyAgents: [String]
    public var metrics: [String]
    public var outcomes: [String]
    public var warnings: [String]

    init(_ scenario: LoadedScenario) {
        let world = scenario.world, context = scenario.context
        info = scenario.info()
        start = world.start
        steps = scenario.steps
        params = context.params
        agents = world.agents.map { ($0.id, $0.name, $0.kind) }
        regions = world.regions.map { ($0.id, $0.name, $0.country.map { world.agents[$0].id }) }
        linkCount = world.links.count
        hooks = [
            ("at", context.atHooks.count), ("every", context.everyHooks.count),
            ("on tick", context.tickHandlers.count),
            ("on event", context.eventHandlers.values.reduce(0) { $0 + $1.count } + context.anyEventHandlers.count),
            ("when", context.triggers.count), ("policy", context.policies.count),
        ]
        eventTypes = context.eventHandlers.keys.sorted() + (context.anyEventHandlers.isEmpty ? [] : ["*"])
        policyAgents = context.policies.map { world.agents[$0.agent].id }
        metrics = context.metricNames
        outcomes = context.outcomeNames
        warnings = world.warnings
    }

    /// A listing for a terminal.
    public func text() -> String {
        var out = "\(info.name) (\(info.file))\n"
        if !info.description.isEmpty { out += "  \(info.description)\n" }
        if let source = info.source { out += "  source: \(source)\n" }
        out += "  start \(start), \(steps) steps, sha256 \(info.sha256.prefix(16))…\n\n"
        out += "PARAMS (\(params.count))\n"
        for p in params {
            var range = ""
            if p.min != nil || p.max != nil {
                range = " [\(p.min.map(ParamValue.bound) ?? "")..\(p.max.map(ParamValue.bound) ?? "")]"
            }
            let changed = p.value == p.defaultValue ? "" : " (default \(p.defaultValue))"
            out += "  \(p.name) = \(p.value)\(changed)\(range)\(p.doc.map { "  \($0)" } ?? "")\n"
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
        if !warnings.isEmpty {
            out += "\nWARNINGS\n" + warnings.map { "  \($0)\n" }.joined()
        }
        return TerminalText.safe(out)
    }
}
