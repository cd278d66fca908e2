import Foundation
import SimCore
import SimSupport
import SimTestSupport
import Testing

@testable import SimReports

/// The JSON and text reports of a small hand-built run (the run is shared with the HTML tests).
struct RunReportTests {
    /// Russia backs Wagner; Algeria backs the CSP; Wagner and the CSP fight at Tinzaouaten.
    /// During the run Russia turns on Algeria (the largest change) and Wagner hardens on the CSP.
    /// `extraTies` are made during setup, after the world's own, in the order given.
    func makeWorld(clashDays: Int = 3, extraTies: [(Int, Int, String)] = []) -> World {
        let w = World(seed: 1)
        w.start = SimDate(iso: "2024-07-22")!
        let rus = w.addAgent(Agent(id: "rus", name: "Russia", kind: "state"))!
        let wag = w.addAgent(Agent(id: "wag", name: "Wagner Group", kind: "pmc", patron: rus, effectiveness: 0.08))!
        let alg = w.addAgent(Agent(id: "alg", name: "Algeria", kind: "state"))!
        let csp = w.addAgent(Agent(id: "csp", name: "CSP-DPA", kind: "armed_group"))!
        let tin = w.addRegion(Region(id: "tin", name: "Tinzaouaten", latitude: 19.95, longitude: 2.92))!
        let tam = w.addRegion(
            Region(
                id: "tam", name: "Tamanrasset", country: alg, latitude: 22.785,
                longitude: 5.5228))!
        let strength = w.declareResource("strength")
        let funds = w.declareResource("funds")
        w.setResource(strength, of: wag, to: 1200)
        w.setResource(funds, of: rus, to: 0.1 + 0.2)
        for (a, b, v) in [
            (rus, wag, 0.8), (wag, rus, 0.8), (alg, csp, 0.6), (csp, alg, 0.6),
            (wag, csp, -0.7), (csp, wag, -0.7), (rus, alg, 0.5), (alg, rus, 0.4),
        ] {
            w.setAlignment(a, toward: b, to: v)
        }
        w.makeTie(rus, wag, kind: w.tieKind("support"))
        w.makeTie(alg, csp, kind: w.tieKind("diplomatic"))
        w.setForce(of: wag, in: tin, to: 300)
        w.setForce(of: csp, in: tin, to: 450.4)
        w.setForce(of: alg, in: tam, to: 2000)
        for (from, to, kind) in extraTies { w.makeTie(from, to, kind: w.tieKind(kind)) }
        w.beginRun()

        w.setAlignment(rus, toward: alg, to: -0.3)
        w.setAlignment(wag, toward: csp, to: -0.9)
        for day in 1...clashDays {
            w.record(
                Event(
                    tick: day, type: "clash", agents: [wag, csp], region: tin,
                    data: [("wag", .number(10)), ("csp", .number(2.5))]))
        }
        w.record(
            Event(
                tick: 2, type: "ambush", agents: [csp], region: nil,
                data: [("note", .string("drones \"and\" → suicide bombers")), ("scripted", .boolean(true))]))
        w.tick = clashDays + 2
        w.makeTie(csp, alg, kind: w.tieKind("intel_sharing"))
        w.warnOnce(key: "x", "sim.align: 1.5 clamped to 1")
        return w
    }

    func makeReport(
        _ world: World, status: RunStatus = .stopped(reason: "ceasefire"),
        source: String? = "Sahel Intelligence, 2024-08-02"
    ) -> RunReport {
        RunReport(
            simrunVersion: "0.1.0",
            scenario: ScenarioInfo(
                name: "Tinzaouaten", description: "Ambush near the Algerian border.",
                file: "scenarios/sahel/tinzaouaten.lua", sha256: SHA256.hex(Array("x".utf8)),
                source: source),
            seed: UInt64.max - 1,
            params: [
                ("bias", .number(0.1)), ("reinforce", .boolean(false)), ("waves", .integer(2)),
                ("label", .string("a\"b")),
            ],
            steps: 30, status: status, world: world,
            metricNames: ["tension", "losses"],
            metrics: [(0...world.tick).map { Double($0) * 0.1 }, (0...world.tick).map { Double($0) * 1e-300 }],
            outcomes: [
                ("wagner_losses", .number(12.5)), ("winner", .string("csp")), ("rounds", .integer(3)),
                ("escalated", .boolean(true)),
            ],
            log: [LogLine(tick: 2, text: "Wagner asks for reinforcements")])
    }

    private func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Keys of the objects found at one indentation, in the order written.
    private func keys(in json: String, indent: Int) -> [String] {
        let prefix = String(repeating: " ", count: indent) + "\""
        return json.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix(prefix), !line.dropFirst(prefix.count).hasPrefix(" ") else { return nil }
            let rest = line.dropFirst(prefix.count)
            guard let end = rest.firstIndex(of: "\""), rest[end...].hasPrefix("\":") else { return nil }
            return String(rest[..<end])
        }
    }

    @Test func topLevelKeysInOrder() {
        let json = makeReport(makeWorld()).json()
        #expect(
            keys(in: json, indent: 2) == [
                "simrun", "scenario", "seed", "params", "dynamics", "steps", "start", "end", "ticks", "tick_days",
                "status",
                "agents", "regions", "links", "alignments", "ties", "wars", "metrics", "outcomes", "observed",
                "digests", "events", "log", "warnings", "coalitions", "balance", "force_changes",
            ])
        #expect(json.hasSuffix("}\n"))
    }

    @Test func headerValues() throws {
        let report = makeReport(makeWorld())
        let root = try parse(report.json())
        let simrun = try #require(root["simrun"] as? [String: Any])
        #expect(simrun["version"] as? String == "0.1.0")
        #expect(simrun["schema"] as? Int == RunReport.schemaVersion)
        let scenario = try #require(root["scenario"] as? [String: Any])
        #expect(scenario["sha256"] as? String == SHA256.hex(Array("x".utf8)))
        #expect(scenario["source"] as? String == "Sahel Intelligence, 2024-08-02")
        #expect((root["seed"] as? NSNumber)?.uint64Value == UInt64.max - 1)
        let params = try #require(root["params"] as? [String: Any])
        #expect((params["bias"] as? NSNumber)?.doubleValue == 0.1)
        #expect(params["reinforce"] as? Bool == false)
        #expect(params["waves"] as? Int == 2)
        #expect(params["label"] as? String == "a\"b")
        #expect(root["steps"] as? Int == 30)
        #expect(root["start"] as? String == "2024-07-22")
        #expect(root["end"] as? String == "2024-07-27")
        #expect(root["ticks"] as? Int == 5)
        #expect(root["status"] as? [String: String] == ["state": "stopped", "reason": "ceasefire"])
    }

    @Test func statusAndMissingSource() throws {
        let failed = makeReport(makeWorld(), status: .failed(RunFailure(.limit, "instruction budget")), source: nil)
        let root = try parse(failed.json())
        #expect(root["status"] as? [String: String] == ["state": "limit", "message": "instruction budget"])
        let scenario = try #require(root["scenario"] as? [String: Any])
        #expect(scenario["source"] is NSNull)
        let ok = try parse(makeReport(makeWorld(), status: .completed).json())
        #expect(ok["status"] as? [String: String] == ["state": "ok"])
    }

    @Test func agentsRegionsAlignmentsTies() throws {
        let report = makeReport(makeWorld())
        let json = report.json()
        let root = try parse(json)
        let agents = try #require(root["agents"] as? [[String: Any]])
        #expect(agents.map { $0["id"] as? String } == ["rus", "wag", "alg", "csp"])
        #expect(agents[0]["patron"] is NSNull)
        #expect(agents[1]["patron"] as? String == "rus")
        #expect(agents[1]["kind"] as? String == "pmc")
        #expect((agents[1]["effectiveness"] as? NSNumber)?.doubleValue == 0.08)
        // Every declared resource for every agent, in declaration order.
        #expect(json.contains("\"resources\": {\n        \"strength\": 0.0,\n        \"funds\": 0.30000000000000004\n"))
        #expect(agents[1]["resources"] as? [String: Double] == ["strength": 1200, "funds": 0])
        #expect(agents[0]["forces"] as? [String: Double] == [:])
        #expect(agents[3]["forces"] as? [String: Double] == ["tin": 450.4])
        #expect(
            keys(in: json, indent: 6).prefix(9) == [
                "id", "name", "short", "kind", "patron", "effectiveness",
                "losses", "resources", "forces",
            ])
        #expect((agents[0]["moving"] as? [Any])?.isEmpty == true)

        let regions = try #require(root["regions"] as? [[String: Any]])
        #expect(regions.map { $0["id"] as? String } == ["tin", "tam"])
        #expect(regions[0]["country"] is NSNull)
        #expect(regions[1]["country"] as? String == "alg")
        #expect((regions[1]["lat"] as? NSNumber)?.doubleValue == 22.785)
        #expect((regions[1]["lon"] as? NSNumber)?.doubleValue == 5.5228)

        let alignments = try #require(root["alignments"] as? [String: [String: Double]])
        #expect(alignments["rus"] == ["wag": 0.8, "alg": -0.3, "csp": 0])
        #expect(alignments["wag"]?["csp"] == -0.9)
        #expect(
            json.contains(
                "\"alignments\": {\n    \"rus\": {\n      \"wag\": 0.8,\n      \"alg\": -0.3,\n      \"csp\": 0.0\n  "
                    + "  },\n    \"wag\": {\n      \"rus\": 0.8,"
            ))

        let ties = try #require(root["ties"] as? [[String: String]])
        #expect(
            ties == [
                ["from": "rus", "to": "wag", "kind": "support"],
                ["from": "alg", "to": "csp", "kind": "diplomatic"],
                ["from": "csp", "to": "alg", "kind": "intel_sharing"],
            ])
    }

    @Test func forcesOnTheRoadAreReported() throws {
        let world = makeWorld()
        let wag = world.agentIndex("wag")!, tin = world.regionIndex("tin")!, tam = world.regionIndex("tam")!
        world.dynamics.speed = 100
        world.move(wag, from: tin, to: tam, strength: 120)
        world.advanceMovements()
        let agents = try #require(try parse(makeReport(world).json())["agents"] as? [[String: Any]])
        let moving = try #require(agents[1]["moving"] as? [[String: Any]])
        #expect(moving.count == 1)
        #expect(moving[0]["from"] as? String == "tin" && moving[0]["to"] as? String == "tam")
        #expect((moving[0]["strength"] as? NSNumber)?.doubleValue == 120)
        let expected = world.travelKm(from: tin, to: tam) - 100
        #expect(abs(((moving[0]["remaining_km"] as? NSNumber)?.doubleValue ?? 0) - expected) < 1e-9)
        #expect(agents[1]["forces"] as? [String: Double] == ["tin": 180])
    }

    @Test func metricsOutcomesEventsLog() throws {
        let report = makeReport(makeWorld())
        let json = report.json()
        let root = try parse(json)
        let metrics = try #require(root["metrics"] as? [String: [NSNumber]])
        #expect(metrics["tension"]?.map(\.exactDouble.bitPattern) == report.metrics[0].map(\.bitPattern))
        #expect(metrics["losses"]?.map(\.exactDouble.bitPattern) == report.metrics[1].map(\.bitPattern))
        #expect(json.contains("\"tension\": [0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5]"))

        let outcomes = try #require(root["outcomes"] as? [String: Any])
        #expect((outcomes["wagner_losses"] as? NSNumber)?.doubleValue == 12.5)
        #expect(outcomes["winner"] as? String == "csp")
        #expect(outcomes["rounds"] as? Int == 3)
        #expect(outcomes["escalated"] as? Bool == true)

        let events = try #require(root["events"] as? [[String: Any]])
        #expect(events.count == report.world.events.count)
        #expect(events.map { $0["type"] as? String } == ["clash", "clash", "clash", "ambush", "tie_made"])
        #expect(events[0]["tick"] as? Int == 1)
        #expect(events[0]["date"] as? String == "2024-07-23")
        #expect(events[0]["agents"] as? [String] == ["wag", "csp"])
        #expect(events[0]["region"] as? String == "tin")
        #expect(events[0]["data"] as? [String: Double] == ["wag": 10, "csp": 2.5])
        #expect(events[3]["region"] is NSNull)
        let ambush = try #require(events[3]["data"] as? [String: Any])
        #expect(ambush["note"] as? String == "drones \"and\" → suicide bombers")
        #expect(ambush["scripted"] as? Bool == true)
        #expect(events[4]["tick"] as? Int == 5)
        #expect(events[4]["data"] as? [String: String] == ["kind": "intel_sharing"])

        let log = try #require(root["log"] as? [[String: Any]])
        #expect(log.count == 1 && log[0]["tick"] as? Int == 2)
        #expect(log[0]["text"] as? String == "Wagner asks for reinforcements")
        #expect(root["warnings"] as? [String] == ["sim.align: 1.5 clamped to 1"])
    }

    @Test func coalitionsAndBalance() throws {
        let report = makeReport(makeWorld())
        let root = try parse(report.json())
        let coalitions = try #require(root["coalitions"] as? [String: Any])
        let ids = report.world.agents.map(\.id)
        #expect(coalitions["blocs"] as? [[String]] == report.coalitions.blocs.map { $0.map { ids[$0] } })
        #expect((coalitions["energy"] as? NSNumber)?.doubleValue == report.coalitions.energy)
        #expect(coalitions["exact"] as? Bool == report.coalitions.exact)
        let balance = report.world.balanceIndex
        #expect((root["balance"] as? NSNumber)?.doubleValue == balance || (balance.isNaN && root["balance"] is NSNull))
    }

    @Test func identicalInputsGiveIdenticalBytes() {
        // Worlds built alike but for the order their ties were made in: each tie set iterates in an
        // order of its own, and the reports must not show it.
        let kinds = ["support", "arms_supply", "intel_sharing", "diplomatic", "trade"]
        let extra = (0..<12).map { ($0 % 4, ($0 + 1 + $0 / 4) % 4, kinds[$0 % kinds.count]) }
        func world(rotatedBy shift: Int) -> World {
            makeWorld(extraTies: extra.indices.map { extra[($0 + shift) % extra.count] })
        }
        let first = makeReport(world(rotatedBy: 0))
        for shift in 1..<12 {
            let other = makeReport(world(rotatedBy: shift))
            #expect(first.json() == other.json(), "rotated by \(shift)")
            #expect(first.text() == other.text(), "rotated by \(shift)")
        }
        // The bytes follow the state: one alignment more and they differ.
        let changed = world(rotatedBy: 0)
        changed.setAlignment(0, toward: 3, to: 0.25)
        #expect(makeReport(changed).json() != first.json())
    }

    @Test func digestsAreSixteenHexDigitsEach() throws {
        var report = makeReport(makeWorld())
        report.digests = [
            StateDigest(alignments: 0xabc, forces: 0, resources: UInt64.max, ties: 1 << 60),
            StateDigest(alignments: 0x0123_4567_89ab_cdef, forces: 1, resources: 0x10, ties: 0xf),
        ]
        let root = try parse(report.json())
        let digests = try #require(root["digests"] as? [String: [String]])
        #expect(digests["alignments"] == ["0000000000000abc", "0123456789abcdef"])
        #expect(digests["forces"] == ["0000000000000000", "0000000000000001"])
        #expect(digests["resources"] == ["ffffffffffffffff", "0000000000000010"])
        #expect(digests["ties"] == ["1000000000000000", "000000000000000f"])
    }

    @Test func textReport() throws {
        let text = makeReport(makeWorld()).text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Tinzaouaten")
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        #expect(text.contains("seed    18446744073709551614"))
        #expect(text.contains("params  bias=0.1  reinforce=false  waves=2  label=a\"b"))
        #expect(text.contains("period  2024-07-22 → 2024-07-27, 5 of 30 ticks"))
        #expect(text.contains("status  stopped: ceasefire"))
        #expect(!text.contains("\u{1B}"))

        let outcomes = try #require(lines.firstIndex(of: "OUTCOMES"))
        #expect(
            Array(lines[outcomes + 1...outcomes + 4]) == [
                "  wagner_losses  12.5", "  winner         csp", "  rounds         3", "  escalated      true",
            ])

        let changes = try #require(lines.firstIndex { $0.hasPrefix("KEY ALIGNMENT CHANGES") })
        #expect(lines[changes + 1] == "  Russia        → Algeria  +0.50 → -0.30  (-0.80)")
        #expect(lines[changes + 2] == "  Wagner Group  → CSP-DPA  -0.70 → -0.90  (-0.20)")

        #expect(text.contains("  Wagner Group  Tinzaouaten 300\n"))
        #expect(text.contains("  CSP-DPA       Tinzaouaten 450\n"))
        #expect(text.contains("2024-07-23  clash     wag, csp   @tin  wag=10 csp=2.5\n"))
        #expect(text.contains("2024-07-27  tie_made  csp → alg        kind=intel_sharing\n"))
        #expect(text.contains("ambush"))

        let report = makeReport(makeWorld())
        let blocs = try #require(lines.firstIndex { $0.hasPrefix("PREDICTED COALITIONS") })
        #expect(lines[blocs].contains(report.coalitions.exact ? "exact" : "local search"))
        for (b, bloc) in report.coalitions.blocs.enumerated() where !bloc.isEmpty {
            let names = bloc.map { report.world.agents[$0].name }.joined(separator: ", ")
            #expect(lines[blocs + 1 + b].hasSuffix(names))
        }
        #expect(text.contains("WARNINGS\n  -  sim.align: 1.5 clamped to 1"))
        #expect(text.contains("LOG\n  2024-07-24  Wagner asks for reinforcements"))
    }

    /// Many events: a run of clashes becomes one line with its days and summed losses, and the
    /// timeline stops at its cap.
    @Test func longTimelineIsGroupedAndCapped() throws {
        let world = makeWorld(clashDays: 60)
        for tick in 1...60 {
            world.record(
                Event(
                    tick: tick, type: "threshold", agents: [0, 2],
                    data: [("value", .number(-0.5 - Double(tick) / 1000))]))
        }
        let text = makeReport(world).text()
        #expect(text.contains("2024-07-23..09-20  clash ×60  wag, csp   @tin  wag=600 csp=150\n"))
        let timeline = try #require(text.components(separatedBy: "EVENT TIMELINE").last)
        let section = timeline.components(separatedBy: "\n\n")[0].split(separator: "\n")
        #expect(section.count == 1 + 40)
        #expect(section.contains { $0.hasPrefix("  … 24 more events") })
        #expect(section.last?.contains("threshold  rus → alg") == true)
    }

    /// Few events are listed one by one.
    @Test func shortTimelineIsNotGrouped() {
        let text = makeReport(makeWorld(clashDays: 3)).text()
        #expect(!text.contains("clash ×"))
        #expect(text.components(separatedBy: "clash     wag, csp").count - 1 == 3)
    }

    @Test func narrowWidthWrapsLongCells() {
        var report = makeReport(makeWorld())
        report.outcomes = [("summary", .string(String(repeating: "word ", count: 30)))]
        let lines = report.text(width: 60).split(separator: "\n")
        let first = lines.firstIndex { $0.hasPrefix("  summary  word") }!
        let wrapped = lines[first...].prefix { $0.hasPrefix("  summary  ") || $0.hasPrefix("           word") }
        #expect(wrapped.count == 3)
        #expect(wrapped.allSatisfy { $0.count <= 60 })
        #expect(wrapped.joined().split(separator: " ").filter { $0 == "word" }.count == 30)
    }

    @Test func sparklinePerMetric() throws {
        // tension is 0, 0.1, ..., 0.5: levels 0, 1.4, 2.8, 4.2, 5.6, 7 of 7, rounded.
        let unicode = makeReport(makeWorld()).text(charset: .unicode)
        #expect(unicode.contains("METRICS  (day 0 → day 5: sparkline, start → end, [min, max])\n"))
        #expect(unicode.contains("  tension  ▁▂▄▅▇█  0 → 0.5        [0, 0.5]\n"))
        let ascii = makeReport(makeWorld()).text(charset: .ascii)
        #expect(ascii.contains("  tension  _.:=*#  0 → 0.5        [0, 0.5]\n"))
        // Only the sparklines differ between the two.
        #expect(unicode.count == ascii.count)
        #expect(zip(unicode, ascii).filter { $0 != $1 }.count <= 2 * 6)
    }

    @Test("a series spanning nearly the whole double range draws its ends, not a trap on an overflowed span")
    func sparklineOfExtremeValues() throws {
        var report = makeReport(makeWorld())
        report.metricNames = ["extreme"]
        report.metrics = [[-1.7e308, 0, 1.7e308]]
        let text = report.text(charset: .unicode)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  extreme") })
        // Mid-range is level 3.5 of 7, rounded away from zero to 4.
        #expect(line.split(separator: " ")[1] == "▁▅█")
    }

    @Test func longSeriesAreResampledAndFlatOnesSitMidHeight() {
        var report = makeReport(makeWorld())
        report.metricNames = ["ramp", "flat"]
        report.metrics = [(0...365).map(Double.init), [Double](repeating: 2, count: 366)]
        let text = report.text(charset: .unicode)
        let ramp = text.split(separator: "\n").first { $0.hasPrefix("  ramp") }!
        #expect(ramp.contains("▁") && ramp.contains("█"))
        #expect(ramp.split(separator: " ")[1].count == 40)
        #expect(text.contains("  flat  " + String(repeating: "▅", count: 40)))
    }

    @Test func keyAgentsAlignmentTable() throws {
        let text = makeReport(makeWorld()).text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let title = try #require(lines.firstIndex { $0.hasPrefix("KEY AGENTS' ALIGNMENTS") })
        // Russia → Algeria moved most, then Wagner → CSP: those four, in that order.
        #expect(
            Array(lines[title + 1...title + 5]) == [
                "                       rus    alg    wag    csp",
                "  Russia        rus      ·  -0.30  +0.80  +0.00",
                "  Algeria       alg  +0.40      ·  +0.00  +0.60",
                "  Wagner Group  wag  +0.80  +0.00      ·  -0.90",
                "  CSP-DPA       csp  +0.00  +0.60  -0.70      ·",
            ])
    }

    @Test func charsetFollowsTheLocaleVariables() {
        #expect(TextCharset(environment: ["LANG": "en_US.UTF-8"]) == .unicode)
        #expect(TextCharset(environment: ["LC_ALL": "C.utf8", "LANG": "C"]) == .unicode)
        #expect(TextCharset(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(TextCharset(environment: ["LC_ALL": "", "LC_CTYPE": "de_DE.UTF-8"]) == .unicode)
        #expect(TextCharset(environment: ["LANG": "POSIX"]) == .ascii)
        #expect(TextCharset(environment: [:]) == .ascii)
    }
}
