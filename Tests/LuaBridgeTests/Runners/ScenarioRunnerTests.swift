// ScenarioRunnerTests: a single run's report carries what its page's map needs — the force history
// from tick 0 on — and the shipped Sahel scenario's page draws the map over the countries of the
// article, with the slider's data for every day.
import Foundation
import SimCore
import SimReports
import SimTestSupport
import Testing

@testable import LuaBridge

@Suite struct ScenarioRunnerTests {
    @Test func theSahelPageHasItsMapOverTheCountriesAndEveryDay() throws {
        let file = PackageRoot.url.appendingPathComponent("scenarios/sahel/ghadames.lua").path
        let report = try ScenarioRunner.run(RunRequest(file: file, seed: 3, steps: 40), simrunVersion: "test").get()
        #expect(report.status == .completed)
        #expect(report.forceChanges.first?.tick == 0)
        #expect(report.forceChanges.map(\.tick) == report.forceChanges.map(\.tick).sorted())
        let html = report.html()
        #expect(XMLWellFormedness.problem(in: html) == nil)
        let map = try #require(XMLWellFormedness.svgElements(in: html).first { $0.contains("class=\"map\"") })
        for country in ["Libya", "Algeria", "Mali", "Niger"] { #expect(map.contains("<title>\(country)</title>")) }
        for region in report.world.regions { #expect(map.contains(SVGEscaped.text(region.name))) }
        #expect(html.contains("max=\"40\" value=\"40\""))
        let labels = html.components(separatedBy: "\"labels\":[").last?.prefix { $0 != "]" } ?? ""
        #expect(labels.split(separator: ",").count == 41, "a date for every day 0 ... 40")
    }
}

/// A region's name as the page writes it.
private enum SVGEscaped {
    static func text(_ name: String) -> String {
        name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
