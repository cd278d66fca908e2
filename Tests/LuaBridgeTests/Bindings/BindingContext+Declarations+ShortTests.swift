// BindingContext+Declarations+ShortTests: `sim.agent{short=}` — the label charts, tables and the
// map use — declared, derived when absent (16 characters fit, 17 do not), and refused with the
// file and line when it is not 1 to 16 characters of text.
import Testing

@testable import LuaBridge

@Suite("sim.agent short labels")
struct ShortLabelTests {
    @Test("a declared short label is kept; a missing one is the name up to 16 characters, else the id")
    func shortLabels() throws {
        let report = try runCompleted(
            header(steps: 1)
                + """
                sim.agent{id="fama", name="Malian Armed Forces (FAMa)", short="FAMa", kind="military"}
                sim.agent{id="six", name="Sixteen chars ok", kind="state"}
                sim.agent{id="seven", name="Seventeen chars x", kind="state"}
                sim.agent{id="a_very_long_agent_id", name="A name much longer than sixteen", kind="state"}
                sim.agent{id="bare", kind="state"}
                """)
        #expect(report.world.agents.map(\.short) == ["FAMa", "Sixteen chars ok", "seven", "A name much lon…", "bare"])
        #expect(report.json().contains("\"short\": \"FAMa\""))
    }

    @Test(
        "a short label that is not 1 to 16 characters of text is refused at its line",
        arguments: [
            ("short=\"\"", "main.lua:2: sim.agent: field 'short' must be 1 to 16 characters, got 0 ('')"),
            (
                "short=\"Seventeen chars x\"",
                "main.lua:2: sim.agent: field 'short' must be 1 to 16 characters, got 17 ('Seventeen chars x')"
            ),
            ("short=7", "main.lua:2: sim.agent: field 'short'"),
        ])
    func refused(_ field: String, _ expected: String) {
        let message = setupError(header() + "sim.agent{id=\"a\", kind=\"state\", \(field)}\n")
        #expect(message.contains(expected), "\(message)")
    }
}
