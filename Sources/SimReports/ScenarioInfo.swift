// ScenarioInfo: what identifies a scenario in a report and in a batch's provenance.
import SimCore

/// What identifies a scenario in a report.
public struct ScenarioInfo: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The main file as the user named it.
    public var file: String
    /// sha256 (hex) over the bytes of every source file, in the order they were loaded.
    public var sha256: String
    /// The document the scenario models, if it names one.
    public var source: String?

    public init(name: String, description: String, file: String, sha256: String, source: String?) {
        self.name = name
        self.description = description
        self.file = file
        self.sha256 = sha256
        self.source = source
    }
}
