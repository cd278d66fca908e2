// RunReport+TextTests: the terminal report names an agent in full where the name fits its column
// and by its short label where it does not, never by a name cut with "…".
import SimCore
import Testing

@testable import SimReports

struct RunReportTextTests {
    @Test func aNameTooLongForItsColumnGivesWayToTheShortLabel() {
        let fixture = RunReportTests()
        var report = fixture.makeReport(fixture.makeWorld())
        let long = "Malian transitional government (junta of Assimi Goita)"
        report.world.agents[1] = Agent(id: "wag", name: long, kind: "pmc", short: "Mali junta")
        let text = report.text()
        #expect(text.contains("Mali junta"))
        #expect(!text.contains("Malian transitional gov"))
        #expect(!text.contains("…"))
        #expect(text.contains("Russia"), "a name that fits stays whole")
    }
}
