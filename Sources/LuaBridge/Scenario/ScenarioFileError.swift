// ScenarioFileError: why a scenario file or an include could not be used — missing, not a file,
// outside the scenario's folder — as one message naming the file.

/// A scenario file that cannot be read.
package struct ScenarioFileError: Error, Sendable {
    package var message: String
}
