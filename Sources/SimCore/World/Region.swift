// Region: a place on the map, and the links between places with their distances.

/// A place where forces stand. Its index in `World.regions` is its identity in the engine.
package struct Region: Sendable, Equatable {
    package let id: String
    package var name: String
    /// Index of the agent whose country this is, if any.
    package var country: Int?
    package var latitude: Double
    package var longitude: Double

    package init(id: String, name: String, country: Int? = nil, latitude: Double, longitude: Double) {
        self.id = id
        self.name = name
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius (IUGG), km.
    package static let earthRadiusKm = 6371.0088

    /// Great-circle distance in km (haversine, with PortableMath so every machine agrees).
    package func greatCircleKm(to other: Region) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad
        let dLon = (other.longitude - longitude) * rad
        let sinLat = PortableMath.sin(dLat / 2), sinLon = PortableMath.sin(dLon / 2)
        let h =
            sinLat * sinLat
            + PortableMath.cos(latitude * rad) * PortableMath.cos(other.latitude * rad) * sinLon * sinLon
        return 2 * Region.earthRadiusKm * PortableMath.asin(min(1, h.squareRoot()))
    }
}

/// An undirected link between two regions.
package struct Link: Sendable, Equatable {
    package let a: Int
    package let b: Int
    package let km: Double

    package init(a: Int, b: Int, km: Double) {
        self.a = a
        self.b = b
        self.km = km
    }
}
