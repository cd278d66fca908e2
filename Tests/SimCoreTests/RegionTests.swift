import Testing

@testable import SimCore

@Suite struct RegionTests {
    @Test func greatCircleDistancesMatchKnownValues() {
        let algiers = Region(id: "algiers", name: "Algiers", latitude: 36.7538, longitude: 3.0588)
        let moscow = Region(id: "moscow", name: "Moscow", latitude: 55.7558, longitude: 37.6173)
        // Haversine on the mean radius: 3,336.79 km (computed independently in Python).
        #expect(abs(algiers.greatCircleKm(to: moscow) - 3336.7904659216283) < 1e-6)
        let equator = Region(id: "e", name: "E", latitude: 0, longitude: 0)
        let degree = Region(id: "d", name: "D", latitude: 0, longitude: 1)
        #expect(abs(equator.greatCircleKm(to: degree) - Region.earthRadiusKm * Double.pi / 180) < 1e-9)
        #expect(algiers.greatCircleKm(to: algiers) == 0)
        #expect(algiers.greatCircleKm(to: moscow) == moscow.greatCircleKm(to: algiers))
    }
}
