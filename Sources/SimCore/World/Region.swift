// Region: a place on the map, and the links between places with their distances.

/// A place where forces stand. Its index in `World.regions` is its identity in the engine.
public struct Region: Sendable, Equatable {
    public let id: String
    public var name: String
    /// Index of the agent whose country this is, if any.
    public var country: Int?
    public var latitude: Double
    public var longitude: Double

    public init(id: String, name: String, country: Int? = nil, latitude: Double, longitude: Double) {
        self.id = id
        self.name = name
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius (IUGG), km.
    public static let earthRadiusKm = 6371.0088

    /// Great-circle distance in km (haversine, with PortableMath so every machine agrees).
    public func greatCircleKm(to other: Region) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad
        let dLon = (other.longitude - longitude) * rad
        let sinLat = PortableMath.sin(dLat / 2), sinLon = PortableMath.sin(dLon / 2)
        let h = sinLat * sinLat
            + PortableMath.cos(latitude * rad) * PortableMath.cos(other.latitude * rad) * sinLon * sinLon
        return 2 * Region.earthRadiusKm * PortableMath.asin(min(1, h.squareRoot()))
    }
}

/// An undirected link between two regions.
public struct Link: Sendable, Equatable {
    public let a: Int
    public let b: Int
    public let km: Double

    public init(a: Int, b: Int, km: Double) {
        self.a = a
        self.b = b
        self.km = km
    }
}
