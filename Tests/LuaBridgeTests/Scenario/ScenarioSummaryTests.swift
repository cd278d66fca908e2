// ScenarioSummaryTests: the JSON form of `simrun check` (the text form is covered end to end in
// CheckCommandTests): every key, in order, with params typed and absent bounds null.
import SimSupport
import Testing

@testable import LuaBridge

@Suite("ScenarioSummary")
struct ScenarioSummaryTests {
    static let lua =
        header(steps: 0) + """
            sim.param("count", 3, {min = 0, max = 10, doc = "how many"})
            sim.param("rate", 0.5, {min = 0.25, max = 1})
            sim.param("side", "north", {choices = {"north", "south"}, fixed = true})
            sim.param("flag", true)
            sim.agent{id = "a", name = "A", kind = "state"}
            sim.agent{id = "b", name = "B", kind = "pmc"}
            sim.region{id = "r", name = "R", country = "a", lat = 0, lon = 0}
            sim.region{id = "s", name = "S", lat = 0, lon = 1}
            sim.link("r", "s", 10)
            sim.at(1, function() end)
            sim.on("war", function() end)
            sim.policy("a", function() end)
            sim.metric("m", function() return 1 end)
            sim.outcome("o", function() return true end)
            sim.observed("f", function() return true end)
            sim.align("a", "b", 2)
            """

    @Test("json() lists the scenario, typed params, agents, regions, hook counts and names, in a fixed order")
    func json() throws {
        let summary = try ScenarioRunnerCheck.summary(
            Self.lua, params: [("count", "9"), ("dynamics.speed", "20")])
        let file = summary.info.file, sha = summary.info.sha256
        let warning = try #require(summary.warnings.first)
        #expect(
            summary.json().compact()
                == #"{"scenario":{"name":"test","description":"","file":"\#(file)","source":null,"sha256":"\#(sha)","#
                + #""start":"2024-01-01","steps":0},"params":["#
                + #"{"name":"count","type":"integer","value":9,"default":3,"min":0,"max":10,"choices":null,"#
                + #""fixed":false,"doc":"how many"},"#
                + #"{"name":"rate","type":"number","value":0.5,"default":0.5,"min":0.25,"max":1.0,"choices":null,"#
                + #""fixed":false,"doc":null},"#
                + #"{"name":"side","type":"string","value":"north","default":"north","min":null,"max":null,"#
                + #""choices":["north","south"],"fixed":true,"doc":null},"#
                + #"{"name":"flag","type":"boolean","value":true,"default":true,"min":null,"max":null,"#
                + #""choices":null,"fixed":false,"doc":null}],"#
                + #""pinned_rates":{"dynamics.speed":20.0},"#
                + #""agents":[{"id":"a","name":"A","kind":"state"},{"id":"b","name":"B","kind":"pmc"}],"#
                + #""regions":[{"id":"r","name":"R","country":"a"},{"id":"s","name":"S","country":null}],"links":1,"#
                + #""hooks":{"at":1,"every":0,"on_tick":0,"on_event":1,"when":0,"policy":1},"#
                + #""event_types":["war"],"policies":["a"],"metrics":["m"],"outcomes":["o"],"observed":["f"],"#
                + #""warnings":["\#(warning)"]}"#)
    }
}
