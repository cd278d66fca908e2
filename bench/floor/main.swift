// simrun-floor: the ghadames scenario written directly in Swift against SimCore, with no Lua — the
// floor that `simrun batch scenarios/sahel/ghadames.lua` is measured against. See README.md.
import Foundation
import SimBatch
import SimCore
import SimReports

let usage = """
    USAGE: simrun-floor [--runs N] [--seed S] [--param NAME=VALUE]... [--out FILE] [--summary FILE]

      --runs N            runs in this process, each from a fresh World (default 1)
      --seed S            with --runs 1 the run's seed, as `simrun run --seed S`; with more runs the batch
                          seed, run i getting the seed `simrun batch --seed S` gives run i (default 1)
      --param NAME=VALUE  one of ghadames.lua's params (haftar_day, lna_force, algeria_alert,
                          russian_backing, gnu_resolve, restraint, rupture_at) or world.lua's claims
                          (algeria_complicity, algeria_shelters_jnim, hur_helped_jnim, algeria_knew)
      --out FILE          each run's record as a line of JSON, as in simrun batch's runs.jsonl
      --summary FILE      the batch summary as JSON, in simrun batch's layout

    With --runs 1 it prints the run's outcomes; with more, the time the runs took and the summary.
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("simrun-floor: \(message)\n".utf8))
    exit(64)
}

var runs = 1
var seed: UInt64 = 1
var params = GhadamesParams()
var outPath: String?
var summaryPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    if flag == "--help" || flag == "-h" { print(usage); exit(0) }
    guard let value = arguments.popFirst() else { fail("\(flag) needs a value\n\(usage)") }
    switch flag {
    case "--runs":
        guard let n = Int(value), n >= 1 else { fail("--runs: a whole number of 1 or more") }
        runs = n
    case "--seed":
        guard let s = UInt64(value) else { fail("--seed: a whole number from 0 to 2^64-1") }
        seed = s
    case "--param":
        let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { fail("--param: NAME=VALUE") }
        if let problem = params.set(parts[0], parts[1]) { fail("--param \(value): \(problem)") }
    case "--out": outPath = value
    case "--summary": summaryPath = value
    default: fail("unknown option \(flag)\n\(usage)")
    }
}

let outcomeNames = [
    "border_clash_algeria_lna", "first_clash_day", "lna_at_crossing", "lna_holds_crossing",
    "lna_gnu_clash", "lna_entered_ghadames", "ghadames_held_by", "algeria_lna_alignment", "lna_final_phase",
    "lna_losses", "border_incidents",
]
let observedNames = [
    "mali_cuts_kyiv_4_aug", "niger_cuts_kyiv_6_aug", "no_lna_gnu_battle", "lna_did_not_enter_ghadames",
    "no_algeria_lna_clash", "no_russia_algeria_rupture",
]
var summary = BatchSummary(outcomeNames: outcomeNames, observedNames: observedNames, points: [[]])
var lines: [String] = []
var last: RunRecord?
let reported = params.reported

let clock = ContinuousClock()
let started = clock.now
// The setup, run once and copied for every run under its seed, as a simrun batch worker does.
let setup = Ghadames(seed: seed, params: params)
for run in 0..<runs {
    let runSeed = runs == 1 ? seed : BatchDesign.seed(batch: seed, replicate: run)
    guard let scenario = Ghadames(copying: setup, seed: runSeed) else { fail("the setup drew a random number") }
    let simulation = Simulation(world: scenario.world, hooks: scenario)
    simulation.recordsDigests = runs == 1  // as simrun: a run's report has digests, a batch's rows none
    var record = RunRecord(run: run, seed: runSeed, point: 0, params: reported, status: .ok)
    switch simulation.run(steps: GhadamesParams.steps) {
    case .completed: break
    case .stopped(let reason): record.stopped = reason
    case .failed(let failure):
        record.status = failure.kind == .limit ? .limit : .error
        record.error = failure.message
    }
    record.outcomes = simulation.outcomes
    record.observed = scenario.observed
    summary.add(record)
    if outPath != nil { lines.append(record.jsonLine()) }
    last = record
}
let elapsed = clock.now - started
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

func write(_ text: String, to path: String) {
    do { try text.write(toFile: path, atomically: false, encoding: .utf8) } catch {
        fail("cannot write \(path): \(error)")
    }
}
if let outPath { write(lines.map { $0 + "\n" }.joined(), to: outPath) }
if let summaryPath {
    write(
        summary.json(header: [
            ("scenario", ["name": .string("ghadames"), "engine": .string("simrun-floor")]),
            ("seed", .unsigned(seed)),
        ]) + "\n", to: summaryPath)
}

if runs == 1, let last {
    print("seed \(last.seed)  status \(last.status.rawValue)")
    for (name, value) in last.outcomes { print("  \(name) = \(value)") }
    for (name, reproduced) in last.observed { print("  observed \(name) = \(reproduced)") }
} else {
    print(
        "runs \(runs)  seconds \(String(format: "%.4f", seconds))"
            + "  runs/s \(String(format: "%.1f", Double(runs) / seconds))"
            + "  us/run \(String(format: "%.1f", seconds / Double(runs) * 1e6))")
    print(summary.table(), terminator: "")
}
