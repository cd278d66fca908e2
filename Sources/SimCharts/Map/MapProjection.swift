// MapProjection: from longitude and latitude to the pixels of a map. Equirectangular with the
// longitudes scaled by cos(mid-latitude) (the plate carrée of the area's middle parallel): for areas
// of a few thousand kilometres, such as the Sahel and its capitals, shapes and distances are off by
// a few per cent at most, and every line of latitude stays straight and level, which reads easily.
import SimCore

/// The projection of one map: the area shown, in degrees, fitted into a box of pixels.
package struct MapProjection {
    /// The area shown: the places' extent with a margin, never less than `minimumSpan` degrees.
    package let west: Double
    package let east: Double
    package let south: Double
    package let north: Double
    /// Pixels per degree of latitude; a degree of longitude is `scale * cosine` pixels.
    private let scale: Double
    private let cosine: Double
    /// The top-left pixel of the area and its size in pixels.
    package let left: Double
    package let top: Double
    package let width: Double
    package let height: Double

    /// Degrees of latitude (some 22 km) the area spans at least: places a few kilometres apart
    /// fill the map, and a world of one place, or of places on one point, is not divided by zero.
    package static let minimumSpan = 0.2

    /// The area around `points` (latitude, longitude) with a margin of a sixth of its span on each
    /// side, fitted into `maxWidth` × at most `maxHeight` pixels at (`left`, `top`); the height
    /// follows from the area's shape, between `minHeight` and `maxHeight`.
    package init(
        around points: [(latitude: Double, longitude: Double)], left: Double, top: Double, maxWidth: Double,
        minHeight: Double, maxHeight: Double
    ) {
        let lats = points.map(\.latitude).filter(\.isFinite), lons = points.map(\.longitude).filter(\.isFinite)
        var south = lats.min() ?? 0, north = lats.max() ?? 0
        var west = lons.min() ?? 0, east = lons.max() ?? 0
        let mid = (south + north) / 2
        let cosine = max(PortableMath.cos(mid * Double.pi / 180), 0.2)
        // Widen to the minimum span and add the margin, in degrees of latitude for both directions.
        let latSpan = max(north - south, MapProjection.minimumSpan / 2)
        let lonSpan = max((east - west) * cosine, MapProjection.minimumSpan / 2)
        let span = max(latSpan, lonSpan) / 6
        let midLon = (west + east) / 2
        south = max(mid - latSpan / 2 - span, -89)
        north = min(mid + latSpan / 2 + span, 89)
        west = midLon - (lonSpan / 2 + span) / cosine
        east = midLon + (lonSpan / 2 + span) / cosine
        // Fit: the width decides unless the area is tall, then the height does.
        let degreesWide = (east - west) * cosine, degreesHigh = north - south
        var scale = maxWidth / degreesWide
        var height = degreesHigh * scale
        if height > maxHeight {
            scale = maxHeight / degreesHigh
            height = maxHeight
        }
        let width = degreesWide * scale
        if height < minHeight {
            // A wide, flat area: show more latitude rather than a strip.
            let extra = (minHeight - height) / scale / 2
            south = max(south - extra, -89)
            north = min(north + extra, 89)
            height = (north - south) * scale
        }
        self.west = west
        self.east = east
        self.south = south
        self.north = north
        self.scale = scale
        self.cosine = cosine
        self.left = left + (maxWidth - width) / 2
        self.top = top
        self.width = width
        self.height = height
    }

    /// The pixel of a point.
    package func project(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        (left + (longitude - west) * cosine * scale, top + (north - latitude) * scale)
    }

    /// Kilometres one pixel covers, for the scale bar (a degree of latitude is about 111.2 km).
    package var kmPerPixel: Double { 111.195 / scale }
}
