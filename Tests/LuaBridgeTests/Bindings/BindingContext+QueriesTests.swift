// BindingContext+QueriesTests: sim.agents, sim.agent_info, sim.regions, sim.neighbors,
// sim.distance, sim.tick, sim.date, sim.balance and sim.coalitions.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("BindingContext+Queries")
struct QueriesTests {
    /// Four agents, four regions with links r–s 600, s–t 100, r–t 1000 and u unlinked; the body starts
    /// on line 13.
    static func world(steps: Int = 0) -> String {
        header(steps: steps) + """
            sim.agent{id="mali", name="Mali", kind="state", effectiveness=0.07}
            sim.agent{id="jnim", kind="armed_group"}
            sim.agent{id="wagner", name="Wagner", kind="pmc", patron="russia"}
            sim.agent{id="russia", kind="state"}
            sim.region{id="r", lat=0, lon=0}
            sim.region{id="s", lat=0, lon=5}
            sim.region{id="t", lat=5, lon=5}
            sim.region{id="u", lat=10, lon=10}
            sim.link("r", "s", 600)
            sim.link("s", "t", 100)
            sim.link("r", "t", 1000)

            """
    }

    @Test("sim.agents lists ids in declaration order, optionally of one kind")
    func agents() throws {
        let report = try runCompleted(
            Self.world() + """
                sim.log(table.concat(sim.agents(), ","))
                sim.log(table.concat(sim.agents{kind="state"}, ","))
                sim.log(#sim.agents{kind="figure"}, table.concat(sim.agents{}, ","))
                """)
        #expect(report.logTexts == ["mali,jnim,wagner,russia", "mali,russia", "0\tmali,jnim,wagner,russia"])
    }

    @Test("sim.agents refuses an unknown filter field")
    func agentsFilter() {
        let message = setupError(Self.world() + "sim.agents{type=\"state\"}\n")
        #expect(message.hasSuffix("main.lua:13: sim.agents: unknown field 'type'; expected one of kind"), "\(message)")
    }

    static let describeAgents = """
        local function describe()
          for _, id in ipairs({"mali", "wagner", "jnim"}) do
            local info = sim.agent_info(id)
            local parts = {}
            for k, v in pairs(info) do parts[#parts + 1] = k .. "=" .. tostring(v) end
            sim.log(table.concat(parts, " "))
          end
        end

        """

    static let agentInfoLines = [
        "effectiveness=0.07 id=mali kind=state name=Mali short=Mali",
        "effectiveness=0.05 id=wagner kind=pmc name=Wagner patron=russia short=Wagner",
        "effectiveness=0.05 id=jnim kind=armed_group name=jnim short=jnim",
    ]

    @Test("sim.agent_info describes one agent")
    func agentInfo() throws {
        let report = try runCompleted(Self.world(steps: 1) + Self.describeAgents + "sim.at(0, describe)\n")
        #expect(report.logTexts == Self.agentInfoLines)
    }

    @Test("sim.agent_info shows a patron during the setup once both agents are declared")
    func agentInfoDuringSetup() throws {
        let report = try runCompleted(Self.world() + Self.describeAgents + "describe()\n")
        #expect(report.logTexts == Self.agentInfoLines)
    }

    @Test("sim.regions and sim.neighbors follow declaration and link order")
    func regions() throws {
        let report = try runCompleted(
            Self.world() + """
                sim.log(table.concat(sim.regions(), ","))
                sim.log(table.concat(sim.neighbors("r"), ","), table.concat(sim.neighbors("s"), ","),
                        table.concat(sim.neighbors("t"), ","), #sim.neighbors("u"))
                """)
        #expect(report.logTexts == ["r,s,t,u", "s,t\tr,t\ts,r\t0"])
    }

    @Test("sim.distance is the shortest path over links, or the great-circle distance without one")
    func distance() throws {
        let report = try runCompleted(
            Self.world() + """
                sim.log(sim.distance("r", "t"), sim.distance("t", "r"), sim.distance("r", "s"), sim.distance("s", "s"))
                sim.log(string.format("%.9f", sim.distance("r", "u")))
                """)
        #expect(report.logTexts.first == "700.0\t700.0\t600.0\t0.0")
        let world = report.world
        let expected = world.regions[0].greatCircleKm(to: world.regions[3])
        #expect(report.logTexts.last == String(format: "%.9f", expected))
    }

    @Test("sim.tick and sim.date give the clock")
    func clock() throws {
        let report = try runCompleted(
            header(steps: 3, start: "2024-02-28") + """
                sim.log(sim.tick(), sim.date())
                sim.every(1, function() sim.log(sim.tick(), sim.date()) end)
                """)
        #expect(report.logTexts == ["0\t2024-02-28", "0\t2024-02-28", "1\t2024-02-29", "2\t2024-03-01"])
    }

    /// Alignments set in the setup, and the balance they make.
    static let balanceCases: [(String, Double)] = [
        ("", 1.0),
        (
            "sim.align('mali', 'jnim', 0.5, {mutual=true}); sim.align('jnim', 'wagner', 0.5, {mutual=true});"
                + "sim.align('mali', 'wagner', 0.5, {mutual=true})", 1.0
        ),
        (
            "sim.align('mali', 'jnim', 1, {mutual=true}); sim.align('jnim', 'wagner', 1, {mutual=true});"
                + "sim.align('mali', 'wagner', -1, {mutual=true})", 0.0
        ),
        (
            "sim.align('mali', 'jnim', -1, {mutual=true}); sim.align('jnim', 'wagner', -1, {mutual=true});"
                + "sim.align('mali', 'wagner', 1, {mutual=true})", 1.0
        ),
        // One unbalanced triad of weight 1 and one balanced triad of weight 1·0.5·0.5; the others weigh 0.
        (
            "sim.align('mali', 'jnim', 1, {mutual=true}); sim.align('jnim', 'wagner', 1, {mutual=true});"
                + "sim.align('mali', 'wagner', -1, {mutual=true}); sim.align('jnim', 'russia', 0.5, {mutual=true});"
                + "sim.align('wagner', 'russia', 0.5, {mutual=true}); sim.align('mali', 'russia', 0, {mutual=true})",
            0.25 / 1.25
        ),
    ]

    @Test("sim.balance is the weighted share of balanced triads", arguments: balanceCases)
    func balance(_ alignments: String, _ expected: Double) throws {
        let report = try runCompleted(Self.world() + alignments + "\nsim.outcome('balance', sim.balance)\n")
        guard case .number(let value) = report.outcome("balance") else {
            Issue.record("balance outcome: \(String(describing: report.outcome("balance")))")
            return
        }
        #expect(abs(value - expected) < 1e-12)
    }

    @Test("sim.coalitions splits friends from enemies, as the report's prediction does")
    func coalitions() throws {
        let report = try runCompleted(
            Self.world() + """
                sim.align("mali", "wagner", 0.9, {mutual=true})
                sim.align("mali", "russia", 0.6, {mutual=true})
                sim.align("wagner", "russia", 0.8, {mutual=true})
                sim.align("jnim", "mali", -0.9, {mutual=true})
                sim.align("jnim", "wagner", -0.7, {mutual=true})
                sim.align("jnim", "russia", -0.4, {mutual=true})
                sim.deploy("jnim", "r", 50)
                local function show(c)
                  local blocs = {}
                  for i, bloc in ipairs(c.blocs) do blocs[i] = table.concat(bloc, ",") end
                  return table.concat(blocs, "|") .. " " .. tostring(c.exact) .. " " .. string.format("%.9f", c.energy)
                end
                sim.log(show(sim.coalitions()))
                sim.log(show(sim.coalitions{size="forces"}))
                """)
        let predicted = report.coalitions
        let ids = predicted.blocs.map { $0.map { report.world.agents[$0].id }.joined(separator: ",") }
        #expect(ids == ["mali,wagner,russia", "jnim"])
        #expect(
            report.logTexts.first == "\(ids.joined(separator: "|")) \(predicted.exact) "
                + String(format: "%.9f", predicted.energy))
        #expect(report.logTexts.count == 2)
    }

    @Test("sim.coalitions refuses a size that names no resource")
    func coalitionsSize() {
        let message = setupError(Self.world() + "sim.coalitions{size=\"gold\"}\n")
        #expect(
            message.hasSuffix("sim.coalitions: field 'size': no agent declares a resource 'gold' (or use \"forces\")"),
            "\(message)")
    }
}
