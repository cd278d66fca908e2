import Testing

@testable import SimCore

@Suite struct SimDateTests {
    @Test func parsesAndPrintsISODates() {
        #expect(SimDate(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(SimDate(iso: "2024-07-22")?.description == "2024-07-22")
        #expect(SimDate(iso: "2024-02-29") != nil)
        #expect(SimDate(iso: "2023-02-29") == nil)
        #expect(SimDate(iso: "2024-13-01") == nil)
        #expect(SimDate(iso: "2024-7-22") == nil)
        #expect(SimDate(iso: "tomorrow") == nil)
    }

    @Test func addsDaysAcrossMonthsYearsAndLeapDays() {
        let start = SimDate(iso: "2024-07-22")!
        #expect(start.adding(days: 120).description == "2024-11-19")
        #expect(SimDate(iso: "2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(SimDate(iso: "2023-12-31")!.adding(days: 1).description == "2024-01-01")
        #expect(SimDate(iso: "1969-12-31")!.daysSinceEpoch == -1)
        // Every day of four centuries round-trips through the civil calendar.
        for day in stride(from: -80_000, through: 80_000, by: 37) {
            let date = SimDate(daysSinceEpoch: day)
            #expect(SimDate(iso: date.description) == date)
        }
    }
}
