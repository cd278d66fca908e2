import SimCore
import SimReports
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

/// A batch run's record: its JSON line, read back, and its CSV row.
struct RunRecordTests {
    private let full = RunRecord(
        run: 17, seed: .max, point: 2,
        params: [
            ("haftar_day", .integer(10)), ("pressure_weight", .number(0.25)), ("hawkish", .boolean(true)),
            ("label", .string("a \"b\", c")),
        ],
        status: .ok, stopped: "ceasefire",
        outcomes: [
            ("winner", .string("gna")), ("days", .integer(41)), ("share", .number(0.1 + 0.2)),
            ("held", .boolean(false)),
        ],
        metrics: [("tension", 0.5), ("casualties", 1200)],
        trace: [("tension", [0, 0.25, 1e-300]), ("casualties", [])]
    )

    private func sameScalars(_ a: [(String, ScalarValue)], _ b: [(String, ScalarValue)]) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { x, y in
                guard x.0 == y.0 else { return false }
                if case .number(let u) = x.1, case .number(let v) = y.1 { return u.bitPattern == v.bitPattern }
                return x.1 == y.1
            }
    }

    private func sameRecords(_ a: RunRecord, _ b: RunRecord) -> Bool {
        a.run == b.run && a.seed == b.seed && a.point == b.point && sameScalars(a.params, b.params)
            && a.status == b.status && a.stopped == b.stopped && a.error == b.error
            && sameScalars(a.outcomes, b.outcomes)
            && a.metrics?.map(\.0) == b.metrics?.map(\.0)
            && a.metrics?.map(\.1.bitPattern) == b.metrics?.map(\.1.bitPattern)
            && a.trace?.map(\.0) == b.trace?.map(\.0)
            && a.trace?.map { $0.1.map(\.bitPattern) } == b.trace?.map { $0.1.map(\.bitPattern) }
    }

    @Test func jsonLineKeysInOrder() throws {
        let line = full.jsonLine()
        #expect(!line.contains("\n"))
        let expected: String = [
            #"{"run":17,"seed":18446744073709551615,"point":2,"#,
            #""params":{"haftar_day":10,"pressure_weight":0.25,"hawkish":true,"label":"a \"b\", c"},"#,
            #""status":"ok","stopped":"ceasefire","#,
            #""outcomes":{"winner":"gna","days":41,"share":0.30000000000000004,"held":false},"#,
            #""metrics":{"tension":0.5,"casualties":1200.0},"#,
            #""trace":{"tension":[0.0,0.25,1e-300],"casualties":[]}}"#,
        ].joined()
        #expect(line.hasPrefix(expected))
        let keys = try #require(try JSONValue.parse(line).object).map(\.0)
        #expect(keys == ["run", "seed", "point", "params", "status", "stopped", "outcomes", "metrics", "trace"])

        let failed = RunRecord(run: 3, seed: 9, point: 0, params: [], status: .error, error: "m.lua:4: boom")
        #expect(
            failed.jsonLine()
                == #"{"run":3,"seed":9,"point":0,"params":{},"status":"error","error":"m.lua:4: boom","outcomes":{}}"#)
    }

    @Test func jsonLineRoundTrips() throws {
        let limited = RunRecord(
            run: 0, seed: 0, point: 0, params: [("x", .number(-0.0))], status: .limit,
            error: "instruction limit", outcomes: [("partial", .integer(-3))])
        for record in [full, limited] {
            let back = try RunRecord(json: JSONValue.parse(record.jsonLine()))
            #expect(sameRecords(back, record))
            #expect(back.jsonLine() == record.jsonLine())
        }
    }

    @Test func nonFiniteNumbersComeBackAsNaN() throws {
        let record = RunRecord(
            run: 1, seed: 2, point: 0, params: [("p", .number(.infinity))], status: .ok,
            outcomes: [("o", .number(.nan))], metrics: [("m", .nan)], trace: [("m", [1, .nan])])
        let line = record.jsonLine()
        #expect(line.contains(#""p":null"#) && line.contains(#""m":[1.0,null]"#))
        let back = try RunRecord(json: JSONValue.parse(line))
        guard case .number(let p) = back.params[0].1, case .number(let o) = back.outcomes[0].1 else {
            Issue.record("not numbers")
            return
        }
        #expect(p.isNaN && o.isNaN)
        #expect(back.metrics?[0].1.isNaN == true)
        #expect(back.trace?[0].1[1].isNaN == true)
    }

    @Test(arguments: [
        (#"[1]"#, "not an object"),
        (#"{"seed":1,"point":0,"params":{},"status":"ok","outcomes":{}}"#, #"no "run""#),
        (#"{"run":-1,"seed":1,"point":0,"params":{},"status":"ok","outcomes":{}}"#, #""run" is ill-typed"#),
        (#"{"run":0,"seed":-1,"point":0,"params":{},"status":"ok","outcomes":{}}"#, #""seed" is ill-typed"#),
        (#"{"run":0,"seed":1,"params":{},"status":"ok","outcomes":{}}"#, #"no "point""#),
        (#"{"run":0,"seed":1,"point":0,"params":[],"status":"ok","outcomes":{}}"#, #""params" is not an object"#),
        (
            #"{"run":0,"seed":1,"point":0,"params":{"a":[1]},"status":"ok","outcomes":{}}"#,
            #""params"."a" is ill-typed"#
        ),
        (#"{"run":0,"seed":1,"point":0,"params":{},"status":"done","outcomes":{}}"#, #""status" is ill-typed"#),
        (
            #"{"run":0,"seed":1,"point":0,"params":{},"status":"ok","stopped":1,"outcomes":{}}"#,
            #""stopped" is ill-typed"#
        ),
        (#"{"run":0,"seed":1,"point":0,"params":{},"status":"ok"}"#, #"no "outcomes""#),
        (
            #"{"run":0,"seed":1,"point":0,"params":{},"status":"ok","outcomes":{},"metrics":{"m":"x"}}"#,
            #""metrics"."m" is ill-typed"#
        ),
        (
            #"{"run":0,"seed":1,"point":0,"params":{},"status":"ok","outcomes":{},"trace":{"m":[1,"x"]}}"#,
            #""trace"."m" is ill-typed"#
        ),
    ])
    func readingNamesTheBadField(line: String, message: String) throws {
        let error = #expect(throws: JSONParseError.self) { try RunRecord(json: JSONValue.parse(line)) }
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func csvHeaderQuotesOnlyWhenNeeded() {
        #expect(
            RunRecord.csvHeader(params: ["haftar_day", "a,b"], outcomes: ["winner", "say \"hi\""], metrics: ["m#1"])
                == #"run,seed,point,status,error,haftar_day,"a,b",winner,"say ""hi""","metric.m#1""#)
        #expect(RunRecord.csvHeader(params: [], outcomes: [], metrics: []) == "run,seed,point,status,error")
    }

    @Test func csvRowsInTheHeaderColumns() {
        let row = full.csvRow(
            params: ["haftar_day", "pressure_weight", "hawkish", "label", "absent"],
            outcomes: ["share", "days", "winner", "held", "missing"], metrics: ["casualties", "tension", "other"])
        #expect(
            row
                == #"17,18446744073709551615,2,ok,,10,0.25,true,"a ""b"", c",,"#
                + #"0.30000000000000004,41,gna,false,,1200,0.5,"#
        )

        let failed = RunRecord(
            run: 4, seed: 5, point: 1, params: [("x", .number(-0.0)), ("y", .number(1e300))],
            status: .error, error: "m.lua:4: bad\r\nline, #t",
            outcomes: [("n", .number(.nan)), ("i", .number(-.infinity))])
        #expect(
            failed.csvRow(params: ["x", "y"], outcomes: ["n", "i"], metrics: ["m"])
                == "4,5,1,error,\"m.lua:4: bad\r\nline, #t\",-0,1e+300,NaN,-Inf,")
    }

    @Test(arguments: [0.1 + 0.2, 1e-300, .leastNonzeroMagnitude, 1.7976931348623157e308, 123456789.0, -2.5e-8, 1e16])
    func csvNumbersReadBackExactly(x: Double) throws {
        let record = RunRecord(run: 0, seed: 0, point: 0, params: [], status: .ok, outcomes: [("x", .number(x))])
        let cell = try #require(record.csvRow(params: [], outcomes: ["x"], metrics: []).split(separator: ",").last)
        #expect(Double(String(cell))?.bitPattern == x.bitPattern)
        #expect(!cell.hasSuffix(".0"))
    }

    @Test("accepted rides after observed in a JSON line, reads back, and is a CSV column only when accepting")
    func acceptedFlag() throws {
        var record = RunRecord(
            run: 4, seed: 9, point: 1, params: [("p", .number(0.5))], status: .ok, outcomes: [("heads", .integer(3))],
            observed: [("three_heads", true)])
        #expect(!record.jsonLine().contains("accepted"))
        #expect(try RunRecord(json: JSONValue.parse(record.jsonLine())).accepted == nil)
        record.accepted = true
        #expect(record.jsonLine().hasSuffix(#""observed":{"three_heads":true},"accepted":true}"#))
        #expect(try RunRecord(json: JSONValue.parse(record.jsonLine())).accepted == true)
        record.accepted = false
        #expect(try RunRecord(json: JSONValue.parse(record.jsonLine())).accepted == false)
        #expect(throws: JSONParseError.self) {
            try RunRecord(
                json: JSONValue.parse(
                    #"{"run":0,"seed":1,"point":0,"params":{},"status":"ok","outcomes":{},"accepted":1}"#))
        }
        let columns = (params: ["p"], outcomes: ["heads"], observed: ["three_heads"])
        #expect(
            RunRecord.csvHeader(
                params: columns.params, outcomes: columns.outcomes, observed: columns.observed, accepting: true,
                metrics: ["m"]) == "run,seed,point,status,error,p,heads,observed.three_heads,accepted,metric.m")
        #expect(
            record.csvRow(
                params: columns.params, outcomes: columns.outcomes, observed: columns.observed, accepting: true,
                metrics: []) == "4,9,1,ok,,0.5,3,true,false")
        #expect(
            record.csvRow(params: columns.params, outcomes: columns.outcomes, observed: columns.observed, metrics: [])
                == "4,9,1,ok,,0.5,3,true")
    }
}
