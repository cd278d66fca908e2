// ScenarioFuzzTests: random scenarios through the whole run path. Whatever a scenario does, a run
// ends (ok, stopped, or failed with one line of error), twice the same for one seed, and its report
// writes as JSON, text and HTML. A crash leaves the scenario in .build/fuzz/last-scenario.lua; one that
// turns up goes under Tests/Fixtures/fuzz with a test of its own, as the summaries' do (FileFuzzTests).
import Foundation
import LuaBridge
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("Fuzzing: scenarios")
struct ScenarioFuzzTests {
    /// Small limits: a fuzzed scenario is stopped quickly when it loops.
    static let limits = ScenarioLimits(maxInstructions: 5_000_000, maxMemory: 16 << 20, maxSeconds: 20)

    /// What a run of `path` came to, as comparable text.
    private static func outcome(of path: String) -> String {
        switch ScenarioRunner.run(RunRequest(file: path, seed: 7, limits: limits), simrunVersion: "fuzz") {
        case .success(let report):
            if case .failed(let failure) = report.status {
                #expect(
                    !failure.message.isEmpty && !failure.message.contains("\n"), "one line: \(failure.message)")
            }
            let json = report.json()
            #expect((try? JSONValue.parse(json)) != nil, "the report is JSON")
            _ = report.html()
            _ = report.text()
            return json
        case .failure(let failure):
            let message = "\(failure)"
            #expect(!message.isEmpty && !message.contains("\n"), "one line: \(message)")
            return message
        }
    }

    @Test("random scenarios end, the same way twice, with reports that write")
    func randomScenarios() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("main.lua").path
        let tried = try FuzzInputs(defaultCount: 60).tryEach { seed in
            var fuzzer = ScenarioFuzzer(seed: seed)
            let text = fuzzer.scenario(statements: 25)
            FuzzInputs.keep(Array(text.utf8), as: "scenario.lua")
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            let first = Self.outcome(of: path)
            #expect(Self.outcome(of: path) == first, "seed \(seed): two runs differ")
        }
        print("fuzz: \(tried) scenarios")
    }
}
