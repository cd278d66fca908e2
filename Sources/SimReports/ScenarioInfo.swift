// ScenarioInfo: what identifies a scenario in a report and in a batch's provenance.
import SimCore

/// What identifies a scenario in a report.
package struct ScenarioInfo: Sendable, Equatable {
    package var name: String
    package var description: String
    /// The main file as the user named it.
    package var file: String
    /// sha256 (hex) over the bytes of every source file, in the order they were loaded.
    package var sha256: String
    /// The document the scenario models, if it names one.
    package var source: String?
    /// The scenario's regions and links, for a batch's map of where clashes happened.
    package var regions: [Region]
    package var links: [Link]

    package init(
        name: String, description: String, file: String, sha256: String, source: String?, regions: [Region] = [],
        links: [Link] = []
    ) {
        self.name = name
        self.description = description
        self.file = file
        self.sha256 = sha256
        self.source = source
        self.regions = regions
        self.links = links
    }
}
