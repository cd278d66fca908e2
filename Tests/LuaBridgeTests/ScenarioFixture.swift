// ScenarioFixture: a fresh temporary folder per test, scenario files written into it, and runs
// through the public entry point `ScenarioRunner`, so that the tests exercise what simrun runs.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

/// A temporary scenario folder, removed when the fixture goes away.
final class ScenarioFixture {
    let directory: URL

    init() {
        // Short: Lua cuts chunk names longer than 59 bytes in messages (LUA_IDSIZE), and the tests
        // compare messages that name files. LongPathTests covers long paths on purpose.
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lb-\(UUID().uuidString.prefix(13))", isDirectory: true)
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The absolute path of `name` inside the folder.
    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// Writes `text` to `name` (creating subfolders) and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let url = directory.appendingPathComponent(name)
        try! FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(),
            withIntermediateDirectories: true)
        try! Data(bytes).write(to: url)
        return url.path
    }

    /// Runs the file `name` of this folder.
    func run(
        _ name: String = "main.lua", seed: UInt64 = 1, params: [(String, String)] = [],
        limits: ScenarioLimits = ScenarioLimits(), steps: Int? = nil
    ) -> Result<RunReport, ScenarioFailure> {
        ScenarioRunner.run(
            RunRequest(file: path(name), seed: seed, steps: steps, params: params, limits: limits),
            simrunVersion: "test")
    }

    /// Loads the file `name` of this folder without stepping it.
    func check(
        _ name: String = "main.lua", params: [(String, String)] = [],
        steps: Int? = nil
    ) -> Result<ScenarioSummary, ScenarioFailure> {
        ScenarioRunner.check(RunRequest(file: path(name), steps: steps, params: params))
    }
}

/// `ScenarioRunner.check` on a scenario text.
enum ScenarioRunnerCheck {
    static func summary(_ lua: String, params: [(String, String)] = []) throws -> ScenarioSummary {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", lua)
        return try fixture.check(params: params).get()
    }
}

/// `sim.scenario{...}` with a name, a start date and `steps` ticks, plus `extra` fields.
func header(steps: Int = 5, start: String = "2024-01-01", extra: String = "") -> String {
    "sim.scenario{name=\"test\", start=\"\(start)\", steps=\(steps)\(extra.isEmpty ? "" : ", " + extra)}\n"
}

/// Runs `body` with a fresh sandboxed state on a large-stack thread.
func withState<T: Sendable>(
    _ limits: ScenarioLimits = ScenarioLimits(),
    _ body: @escaping @Sendable (LuaState) -> T
) -> T {
    LuaThread.run {
        let lua = try! LuaState(limits: limits, cache: ScenarioCache())
        return body(lua)
    }
}

/// Loads and calls `text` in `lua` as a chunk named `chunk` (its compiled form is cached by that
/// name: give each different text its own); nil on success.
func evaluate(_ lua: LuaState, _ text: String, chunk: String = "chunk.lua") -> RunFailure? {
    do throws(RunFailure) {
        try lua.load(Array(text.utf8), displayPath: chunk, key: chunk)
        try lua.call(nargs: 0, nresults: 0, context: chunk)
        return nil
    } catch {
        return error
    }
}

/// Writes `lua` as `main.lua` of a fresh folder and runs it.
func run(
    _ lua: String, seed: UInt64 = 1, params: [(String, String)] = [],
    limits: ScenarioLimits = ScenarioLimits(), steps: Int? = nil
) -> Result<RunReport, ScenarioFailure> {
    let fixture = ScenarioFixture()
    fixture.write("main.lua", lua)
    return fixture.run(seed: seed, params: params, limits: limits, steps: steps)
}

/// The report of a run that loaded; records an issue (and throws) when it did not.
func report(
    _ result: Result<RunReport, ScenarioFailure>,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> RunReport {
    switch result {
    case .success(let report): return report
    case .failure(let failure):
        Issue.record("the scenario did not load: \(failure)", sourceLocation: sourceLocation)
        throw failure
    }
}

/// The report of a run that loaded and completed; records an issue when it did not complete.
func completed(
    _ result: Result<RunReport, ScenarioFailure>,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> RunReport {
    let report = try report(result, sourceLocation: sourceLocation)
    #expect(report.status == .completed, "status: \(report.status)", sourceLocation: sourceLocation)
    return report
}

/// Runs `lua`, expects it to complete, and returns its report.
func runCompleted(
    _ lua: String, seed: UInt64 = 1, params: [(String, String)] = [],
    limits: ScenarioLimits = ScenarioLimits(), steps: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> RunReport {
    try completed(run(lua, seed: seed, params: params, limits: limits, steps: steps), sourceLocation: sourceLocation)
}

/// The failure of a run that did not load, or nil when it loaded.
func loadFailure(_ result: Result<RunReport, ScenarioFailure>) -> ScenarioFailure? {
    if case .failure(let failure) = result { return failure }
    return nil
}

/// The RunFailure of a scenario that failed while setting up (a `.scenario` failure).
func setupFailure(
    _ result: Result<RunReport, ScenarioFailure>,
    sourceLocation: SourceLocation = #_sourceLocation
) -> RunFailure? {
    switch result {
    case .failure(.scenario(let failure)): return failure
    case .failure(let other):
        Issue.record("expected a scenario failure, got \(other)", sourceLocation: sourceLocation)
        return nil
    case .success(let report):
        Issue.record("expected the setup to fail, the run ended \(report.status)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The message of a scenario that failed while setting up with a Lua error.
func setupError(_ lua: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    guard let failure = setupFailure(run(lua), sourceLocation: sourceLocation) else { return "" }
    #expect(failure.kind == .error, "kind of \(failure.message)", sourceLocation: sourceLocation)
    return failure.message
}

/// The failure of a run that loaded but failed while running.
func runFailure(
    _ result: Result<RunReport, ScenarioFailure>,
    sourceLocation: SourceLocation = #_sourceLocation
) -> RunFailure? {
    switch result {
    case .success(let report):
        if case .failed(let failure) = report.status { return failure }
        Issue.record("expected the run to fail, it ended \(report.status)", sourceLocation: sourceLocation)
        return nil
    case .failure(let failure):
        Issue.record("the scenario did not load: \(failure)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The usage message of a run refused for a `--param` or `--steps` problem.
func usageMessage(
    _ result: Result<RunReport, ScenarioFailure>,
    sourceLocation: SourceLocation = #_sourceLocation
) -> String? {
    if case .failure(.usage(let message)) = result { return message }
    Issue.record("expected a usage failure, got \(result)", sourceLocation: sourceLocation)
    return nil
}

extension RunReport {
    /// The values of the metric named `name`, one per recorded tick.
    func metric(_ name: String) -> [Double] {
        guard let m = metricNames.firstIndex(of: name) else { return [] }
        return metrics[m]
    }

    /// The value of the outcome named `name`.
    func outcome(_ name: String) -> ScalarValue? {
        outcomes.first { $0.0 == name }?.1
    }

    /// The texts of the log, in order.
    var logTexts: [String] { log.map(\.text) }

    /// The failure when the run failed.
    var failure: RunFailure? {
        if case .failed(let failure) = status { return failure }
        return nil
    }

    /// Events of one type, in order.
    func events(_ type: String) -> [Event] {
        world.events.filter { $0.type == type }
    }
}
