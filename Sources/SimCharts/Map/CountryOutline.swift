// CountryOutline: one country's borders, decoded from the generated `CountryOutlines` text, and cut
// to the area a map shows, so that a page carries only the part of the world it draws.

/// A country: its name and rings of (longitude, latitude) points in degrees, each ring closed.
package struct CountryOutline: Sendable {
    package let name: String
    package let rings: [[(lon: Double, lat: Double)]]

    /// Every country of Natural Earth's 1:110m admin-0 set, decoded once.
    package static let world: [CountryOutline] = CountryOutlines.encoded.split(separator: "\n").compactMap {
        decode($0)
    }

    /// One line of `CountryOutlines.encoded`: `name|ring;ring`, each ring hundredths of a degree,
    /// the first point absolute and the others differences.
    private static func decode(_ line: Substring) -> CountryOutline? {
        guard let bar = line.firstIndex(of: "|") else { return nil }
        let rings = line[line.index(after: bar)...].split(separator: ";").map { ring in
            let numbers = ring.split(separator: ",").compactMap { Int($0) }
            var points: [(lon: Double, lat: Double)] = []
            var lon = 0, lat = 0
            for k in stride(from: 0, to: numbers.count - 1, by: 2) {
                lon += numbers[k]
                lat += numbers[k + 1]
                points.append((Double(lon) / 100, Double(lat) / 100))
            }
            return points
        }
        return CountryOutline(name: String(line[..<bar]), rings: rings)
    }

    /// The rings cut to the box (Sutherland–Hodgman against each of its four sides): empty when the
    /// country lies outside. The cut edges run along the box, under the map's frame.
    package func clipped(west: Double, east: Double, south: Double, north: Double) -> [[(lon: Double, lat: Double)]] {
        rings.compactMap { ring in
            guard let first = ring.first else { return nil }
            var minLon = first.lon, maxLon = first.lon, minLat = first.lat, maxLat = first.lat
            for p in ring {
                minLon = min(minLon, p.lon)
                maxLon = max(maxLon, p.lon)
                minLat = min(minLat, p.lat)
                maxLat = max(maxLat, p.lat)
            }
            guard maxLon >= west, minLon <= east, maxLat >= south, minLat <= north else { return nil }
            var points = ring
            points = CountryOutline.clip(
                points, inside: { $0.lon >= west }, cross: { a, b in (west, at(a, b, lon: west)) })
            points = CountryOutline.clip(
                points, inside: { $0.lon <= east }, cross: { a, b in (east, at(a, b, lon: east)) })
            points = CountryOutline.clip(
                points, inside: { $0.lat >= south }, cross: { a, b in (at(a, b, lat: south), south) })
            points = CountryOutline.clip(
                points, inside: { $0.lat <= north }, cross: { a, b in (at(a, b, lat: north), north) })
            return points.count >= 3 ? points : nil
        }
    }

    /// One side of Sutherland–Hodgman: keeps the points inside, and where an edge crosses the side,
    /// the crossing.
    private static func clip(
        _ points: [(lon: Double, lat: Double)], inside: ((lon: Double, lat: Double)) -> Bool,
        cross: ((lon: Double, lat: Double), (lon: Double, lat: Double)) -> (lon: Double, lat: Double)
    ) -> [(lon: Double, lat: Double)] {
        guard let last = points.last else { return [] }
        var out: [(lon: Double, lat: Double)] = []
        var previous = last
        for point in points {
            switch (inside(previous), inside(point)) {
            case (true, true): out.append(point)
            case (true, false): out.append(cross(previous, point))
            case (false, true): out += [cross(previous, point), point]
            case (false, false): break
            }
            previous = point
        }
        return out
    }
}

/// The latitude where the segment a–b crosses longitude `lon`.
private func at(_ a: (lon: Double, lat: Double), _ b: (lon: Double, lat: Double), lon: Double) -> Double {
    a.lat + (b.lat - a.lat) * (lon - a.lon) / (b.lon - a.lon)
}

/// The longitude where the segment a–b crosses latitude `lat`.
private func at(_ a: (lon: Double, lat: Double), _ b: (lon: Double, lat: Double), lat: Double) -> Double {
    a.lon + (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat)
}
