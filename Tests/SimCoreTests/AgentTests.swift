// AgentTests: the short label an agent gets when its scenario declares none.
import Testing

@testable import SimCore

@Suite struct AgentTests {
    @Test(
        "the name when it has at most 16 characters, else the id when that fits, else the name cut with …",
        arguments: [
            ("Algeria", "algeria", "Algeria"),
            ("Sixteen chars ok", "x", "Sixteen chars ok"),
            ("Seventeen chars x", "x", "x"),
            ("Seventeen chars x", "sixteen_chars_id", "sixteen_chars_id"),
            ("Seventeen chars x", "seventeen_chars_x", "Seventeen chars…"),
            ("Ukraine’s HUR – intelligence", "hur", "hur"),
        ])
    func defaultShort(_ name: String, _ id: String, _ expected: String) {
        #expect(Agent.defaultShort(name: name, id: id) == expected)
        #expect(Agent(id: id, name: name, kind: "state").short == expected)
        #expect(Agent(id: id, name: name, kind: "state", short: "S").short == "S")
    }
}
