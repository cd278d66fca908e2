// SummaryReading+Clashes: the summary page's map of where the batch's runs clashed, from the
// summary's `clashes` and the regions its provenance carries.
import SimCharts
import SimSupport

extension SummaryReading {
    /// The clash map and a table of the regions by share of runs; nothing when the summary has no
    /// clashes or no regions (summaries written before either).
    func clashSection(into page: inout HTMLPage) {
        let scenario = document.json[BatchProvenance.Key.scenario]
        guard let clashes = document.json["clashes"], let tallied = clashes["regions"]?.array,
            let regions = scenario?["regions"]?.array, !regions.isEmpty
        else { return }
        let ids = regions.map { $0["id"]?.string ?? "" }
        let places = regions.map { region in
            MapChart.Place(
                name: region["name"]?.string ?? "?", latitude: region["lat"]?.double ?? 0,
                longitude: region["lon"]?.double ?? 0)
        }
        let links = (scenario?["links"]?.array ?? []).compactMap { link -> (Int, Int)? in
            guard let pair = link.array, pair.count == 2, let a = pair[0].string.flatMap({ ids.firstIndex(of: $0) }),
                let b = pair[1].string.flatMap({ ids.firstIndex(of: $0) })
            else { return nil }
            return (a, b)
        }
        let tallies = tallied.compactMap { entry -> ClashMap.Tally? in
            guard let id = entry["region"]?.string, let place = ids.firstIndex(of: id) else { return nil }
            return ClashMap.Tally(
                place: place, share: entry["share"]?.double ?? 0, mean: entry["mean"]?.double ?? 0)
        }
        let runs = clashes["runs"]?.int ?? 0
        page.heading("Where the runs clashed")
        // The area is drawn around the regions where runs clashed and those linked to others.
        var map = MapChart(places: places, links: links)
        var focus = [Bool](repeating: false, count: places.count)
        for tally in tallies { focus[tally.place] = true }
        for (a, b) in links { (focus[a], focus[b]) = (true, true) }
        map.focus = focus
        let chart = ClashMap(map: map, tallies: tallies, runs: runs, label: "map of clashes")
        page.figures(
            [
                (
                    chart.svg,
                    "Over the \(runs) runs that ended ok. Equirectangular projection, longitudes scaled by the "
                        + "cosine of the middle latitude; country outlines from Natural Earth (1:110m, public domain)."
                )
            ], wide: true)
        let rows = tallies.sorted { ($0.share, $1.place) > ($1.share, $0.place) }.map { tally in
            [
                places[tally.place].name, ReadableNumber.text((tally.share * 1000).rounded() / 10) + "%",
                ReadableNumber.text(tally.mean),
            ]
        }
        page.table(["region", "runs with a clash there", "clashes per run"], rows, numeric: [1, 2])
    }
}
