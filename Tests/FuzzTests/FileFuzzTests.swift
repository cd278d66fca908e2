// FileFuzzTests: corrupted runs files, summaries and reports through every reader and writer that
// takes them — the batch summary rebuilt from a runs file, the summary page, batch and report
// comparisons. Each corrupted file is refused with an error or read; nothing traps. A crash leaves
// the file in .build/fuzz/last-<kind>.
import Foundation
import LuaBridge
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("Fuzzing: files")
struct FileFuzzTests {
    /// A runs file, its summary and a run report of a small scenario: the inputs the corruptions start from.
    static let originals: (runs: String, summary: String, report: String) = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("coin.lua").path
        let lua = """
            sim.scenario{name = "coin", start = "2024-01-01", steps = 5}
            sim.agent{id = "a", kind = "state"}
            sim.agent{id = "b", kind = "state"}
            local p = sim.param("p", 0.5, {min = 0, max = 1})
            local heads, side = 0, "none"
            sim.on("tick", function() if sim.chance(p) then heads = heads + 1 end; side = heads > 2 and "h" or "t" end)
            sim.metric("heads", function() return heads end)
            sim.outcome("heads", function() return heads end)
            sim.outcome("won", function() return heads > 2 end)
            sim.outcome("side", function() return side end)
            sim.observed("three", function() return heads == 3 end)
            """
        try? lua.write(toFile: path, atomically: false, encoding: .utf8)
        var design = BatchDesign(
            runsPerPoint: 4, seed: 3, steps: nil, fixed: [], latinHypercube: 3,
            ranges: [ParamRange(name: "p", min: 0, max: 1, isInteger: false)])
        design.seeding = .independent
        design.accept = ["three"]
        let header = RunsHeader(
            version: "fuzz",
            scenario: ScenarioInfo(name: "coin", description: "", file: path, sha256: "00", source: nil),
            design: design, params: ["p"], outcomes: ["heads", "won", "side"], observed: ["three"], metrics: ["heads"],
            shard: nil)
        let plan = BatchPlan(
            file: path, design: design, limits: ScenarioLimits(), runs: Array(0..<design.totalRuns), jobs: 1,
            keepMetrics: true, keepTrace: false)
        let collected = RecordCollector()
        _ = BatchRunner.run(plan, stop: BatchStop(), tick: {}, emit: collected.add)
        var summary = BatchSummary(
            outcomeNames: ["heads", "won", "side"], observedNames: ["three"], accepting: ["three"],
            points: design.points)
        for record in collected.records { summary.add(record) }
        let runs = header.text(.jsonl) + collected.records.map { header.row($0, .jsonl) }.joined()
        let report: String
        switch ScenarioRunner.run(RunRequest(file: path, seed: 1), simrunVersion: "fuzz") {
        case .success(let run): report = run.json()
        case .failure(let failure): report = "\(failure)"
        }
        return (runs, summary.json(header: header.unsharded.fields), report)
    }()

    /// Replaces a number, deletes, repeats or flips bytes, or cuts the text short.
    static func corrupt(_ text: String, seed: UInt64) -> [UInt8] {
        var random = FuzzRandom(seed: seed)
        var bytes = Array(text.utf8)
        for _ in 0..<random.int(1...3) where !bytes.isEmpty {
            let at = random.int(0...bytes.count - 1)
            switch random.int(0...5) {
            case 0, 1:
                // A number token at or after `at` becomes an extreme.
                guard let start = bytes[at...].firstIndex(where: { (0x30...0x39).contains($0) }) else { continue }
                let end =
                    bytes[start...].firstIndex { !(0x30...0x39).contains($0) && $0 != 0x2E && $0 != 0x65 }
                    ?? bytes.count
                let extreme = random.pick([
                    "-1", "0", "1e400", "9223372036854775807", "-9223372036854775808", "18446744073709551616",
                    "2000000", "1e-400", "null", "\"x\"", "true", "[]", "{}", "0.5", "100000000000",
                ])
                bytes.replaceSubrange(start..<end, with: Array(extreme.utf8))
            case 2:
                bytes.removeSubrange(at..<min(bytes.count, at + random.int(1...40)))
            case 3:
                let piece = bytes[at..<min(bytes.count, at + random.int(1...200))]
                bytes.insert(contentsOf: piece, at: at)
            case 4:
                bytes[at] ^= UInt8(1 << random.int(0...7))
            default:
                bytes.removeSubrange(at...)
            }
        }
        return bytes
    }

    @Test("corrupted runs files are read or refused; what is read summarises and draws")
    func runsFiles() {
        let tried = FuzzInputs(defaultCount: 400).tryEach { seed in
            let bytes = Self.corrupt(Self.originals.runs, seed: seed)
            FuzzInputs.keep(bytes, as: "runs.jsonl")
            guard let contents = try? RunsFileContents.read(Data(bytes), path: "fuzz.jsonl") else { return }
            let header = contents.header
            var summary = BatchSummary(
                outcomeNames: header.strings("outcomes"), observedNames: header.strings("observed"),
                accepting: header.acceptedFacts, points: header.points)
            for record in contents.records where header.points.indices.contains(record.point) { summary.add(record) }
            let json = summary.json(header: header.unsharded.fields)
            _ = summary.table()
            if let document = try? JSONValue.parse(json) { _ = BatchSummary.html(summary: document) }
            _ = try? BatchEstimates(label: "fuzz", header: header.json, records: contents.records)
        }
        print("fuzz: \(tried) runs files")
    }

    @Test("corrupted summaries are checked or refused; what passes draws and compares")
    func summaries() {
        let tried = FuzzInputs(defaultCount: 400).tryEach { seed in
            let bytes = Self.corrupt(Self.originals.summary, seed: seed)
            FuzzInputs.keep(bytes, as: "summary.json")
            Self.use(summary: bytes)
        }
        print("fuzz: \(tried) summaries")
    }

    /// A summary through what `report` and `compare` do with one: the checks, then the page and a
    /// comparison with the original.
    static func use(summary bytes: [UInt8]) {
        guard let json = try? JSONValue.parse(String(decoding: bytes, as: UTF8.self)),
            (try? SummaryDocument(json).check()) != nil
        else { return }
        _ = BatchSummary.html(summary: json)
        if let original = try? JSONValue.parse(originals.summary),
            let base = try? BatchEstimates(label: "a", summary: original),
            let variant = try? BatchEstimates(label: "b", summary: json)
        {
            let comparison = BatchComparison(base: base, variant: variant)
            _ = comparison.tables()
            _ = comparison.json()
        }
    }

    /// Summaries the fuzzer once crashed on, kept under Tests/Fixtures/fuzz: each is refused or used.
    @Test("the summaries fuzzing found are refused or used, never a trap", arguments: FileFuzzTests.regressionFiles())
    func summaryRegressions(_ path: String) throws {
        Self.use(summary: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    static func regressionFiles() -> [String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("summary-") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test("corrupted run reports are read or refused; what is read compares with the original")
    func reports() {
        let base = try? ReportDocument(label: "a", text: Self.originals.report)
        let tried = FuzzInputs(defaultCount: 400).tryEach { seed in
            let bytes = Self.corrupt(Self.originals.report, seed: seed)
            FuzzInputs.keep(bytes, as: "report.json")
            guard let base, let variant = try? ReportDocument(label: "b", text: String(decoding: bytes, as: UTF8.self))
            else { return }
            let comparison = ReportComparison(base: base, variant: variant)
            _ = comparison.tables()
            _ = comparison.json()
            // What `simrun report` writes of it.
            _ = variant.text()
            _ = variant.markdown()
            _ = variant.html()
        }
        print("fuzz: \(tried) reports")
    }
}
