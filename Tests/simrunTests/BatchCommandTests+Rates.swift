// BatchCommandTests+Rates: built-in rates (`dynamics.NAME`) in batch designs — fixed with --param,
// swept by values or a range, sampled with --sample and --vary — each carried like a param in the
// header, the rows (JSON lines and CSV), the summary and its page.
import Foundation
import SimTestSupport
import Testing

extension BatchCommandTests {
    @Test("--param dynamics.balance=0 fixes the rate in every run: design, columns, rows and summary carry it")
    func fixedRate() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        let result = try BatchFixture.batch(
            triad, "--runs", "3", "--param", "dynamics.balance=0", "--out", dir.path("runs.jsonl"),
            "--summary", dir.path("summary.json"), "--quiet")
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        #expect(runs.header["design"]?["params"]?["dynamics.balance"] == .number("0.0"))
        #expect(runs.header["columns"]?["params"]?.array == ["w", "tag", "dynamics.balance"].map(JSON.string))
        #expect(runs.rows.count == 3)
        for row in runs.rows {
            #expect(row["params"]?.keys == ["w", "tag", "dynamics.balance"], "\(row)")
            #expect(row["params"]?["dynamics.balance"] == .number("0.0"))
            #expect(row["outcomes"]?["ac"]?.double == 0, "no balance, no pull on a–c")
        }
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        #expect(summary["design"]?["params"]?["dynamics.balance"] == .number("0.0"))
        #expect(summary["columns"] == runs.header["columns"])
        #expect(summary["points"]?[0]?["outcomes"]?["ac"]?["mean"]?.double == 0)

        let csv = try BatchFixture.batch(
            triad, "--runs", "2", "--param", "dynamics.balance=0", "--format", "csv", "--out", dir.path("runs.csv"))
        #expect(csv.exited(0), "\(csv)")
        let records = try BatchCSV.parse(dir.text("runs.csv"))
        #expect(
            records.first == ["run", "seed", "point", "status", "error", "w", "tag", "dynamics.balance", "ac", "ab"])
        #expect(records.dropFirst().allSatisfy { $0[7] == "0" && $0[8] == "0" }, "\(records)")
    }

    @Test("--sweep dynamics.decay=0,0.05 gives two points, typed as numbers, with different results")
    func sweptRate() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        let result = try BatchFixture.batch(
            triad, "--runs", "2", "--sweep", "dynamics.decay=0,0.05", "--out", dir.path("runs.jsonl"),
            "--summary", dir.path("summary.json"), "--quiet")
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        #expect(runs.header["design"]?["points"]?.int == 2)
        #expect(
            runs.header["design"]?["sweeps"]?[0]?["values"]?.array == [.number("0.0"), .number("0.05")],
            "numbers, as the rate is")
        #expect(runs.header["point_params"]?.array?.map(\.keys) == [["dynamics.decay"], ["dynamics.decay"]])
        #expect(runs.header["columns"]?["params"]?.array == ["w", "tag", "dynamics.decay"].map(JSON.string))
        let ab = { (point: Int) in
            runs.rows.filter { $0["point"]?.int == point }.compactMap { $0["outcomes"]?["ab"]?.double }
        }
        #expect(ab(0) == [0, 0], "no decay: a–b stays where the hook cut it")
        #expect(ab(1).count == 2 && ab(1).allSatisfy { $0 > 0.2 }, "decay pulls a–b back toward 0.5: \(ab(1))")
        for row in runs.rows {
            let point = try #require(row["point"]?.int)
            #expect(row["params"]?["dynamics.decay"] == runs.header["point_params"]?[point]?["dynamics.decay"])
        }
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        #expect(summary["points"]?.array?.compactMap { $0["params"]?["dynamics.decay"]?.double } == [0, 0.05])

        let range = try BatchFixture.batch(triad, "--runs", "1", "--sweep", "dynamics.decay=0:0.05:0.025")
        #expect(range.exited(0), "\(range)")
        #expect(
            try BatchRunsText(range.out).header["design"]?["sweeps"]?[0]?["values"]?.array
                == ["0.0", "0.025", "0.05"].map(JSON.number))
    }

    @Test("--sample lhs:4 --vary dynamics.balance samples that rate alone, inside its documented range")
    func sampledRate() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        let result = try BatchFixture.batch(
            triad, "--runs", "1", "--seed", "5", "--sample", "lhs:4", "--vary", "dynamics.balance",
            "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let ranges = try #require(runs.header["design"]?["sample"]?["ranges"])
        #expect(ranges.keys == ["dynamics.balance"])
        let bounds = ranges["dynamics.balance"]?.array?.compactMap(\.double) ?? []
        try #require(bounds.count == 2 && bounds[0] < bounds[1], "\(bounds)")
        let points = try #require(runs.header["point_params"]?.array)
        #expect(points.count == 4)
        #expect(points.allSatisfy { $0.keys == ["dynamics.balance"] })
        let values = points.compactMap { $0["dynamics.balance"]?.double }
        let width = (bounds[1] - bounds[0]) / 4
        let strata = (0..<4).map { k in (bounds[0] + Double(k) * width, bounds[0] + Double(k + 1) * width) }
        #expect(BatchFixture.matches(values, strata: strata, slack: 0), "one value per stratum: \(values)")
        #expect(runs.header["columns"]?["params"]?.array == ["w", "tag", "dynamics.balance"].map(JSON.string))
        for row in runs.rows {
            let point = try #require(row["point"]?.int)
            #expect(row["params"]?["dynamics.balance"] == points[point]["dynamics.balance"])
            #expect(row["params"]?["w"]?.int == 1, "w is not sampled: --vary names what is")
        }

        // A rate and a scenario param, in the order --vary gives them.
        let both = try BatchFixture.batch(
            triad, "--runs", "1", "--sample", "lhs:3", "--vary", "w", "--vary", "dynamics.decay")
        #expect(both.exited(0), "\(both)")
        let header = try BatchRunsText(both.out).header
        #expect(header["design"]?["sample"]?["ranges"]?.keys == ["w", "dynamics.decay"])
        #expect(header["design"]?["sample"]?["ranges"]?["w"]?.array == [.number("0.0"), .number("1.0")])
        #expect(header["point_params"]?.array?.allSatisfy { $0.keys == ["w", "dynamics.decay"] } == true)
    }

    @Test("without --vary a sample covers the scenario's params only, as before")
    func sampleWithoutVary() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        let plain = try BatchFixture.batch(triad, "--runs", "1", "--sample", "lhs:3", "--seed", "9")
        let varied = try BatchFixture.batch(triad, "--runs", "1", "--sample", "lhs:3", "--seed", "9", "--vary", "w")
        #expect(plain.exited(0) && varied.exited(0), "\(plain)\n\(varied)")
        #expect(try BatchRunsText(plain.out).header["design"]?["sample"]?["ranges"]?.keys == ["w"])
        #expect(plain.stdout == varied.stdout, "--vary naming every sampled param changes nothing")
    }

    @Test("a summary swept over a rate becomes a page charting outcomes against dynamics.decay")
    func sweptRatePage() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        let batch = try BatchFixture.batch(
            triad, "--runs", "2", "--sweep", "dynamics.decay=0:0.04:0.02", "--summary", dir.path("summary.json"),
            "--out", dir.path("runs.jsonl"), "--quiet")
        #expect(batch.exited(0), "\(batch)")
        let page = try SimrunCLI.run("report", dir.path("summary.json"), "--format", "html")
        #expect(page.exited(0), "\(page)")
        #expect(XMLWellFormedness.problem(in: page.out) == nil)
        #expect(page.out.contains("dynamics.decay = 0.0, 0.02, 0.04"), "the sweep in the provenance")
        #expect(page.out.contains("dynamics.decay=0.02: 2 runs"), "a histogram per point")
        #expect(
            XMLWellFormedness.svgElements(in: page.out).contains { $0.contains(">dynamics.decay</text>") },
            "an axis titled by the rate")
    }
}
