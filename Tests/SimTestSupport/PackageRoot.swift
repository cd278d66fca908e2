// PackageRoot: where the package's files are, for tests that read shipped scenarios and fixtures or
// run the built command line.
import Foundation

package enum PackageRoot {
    /// The package root: three levels up from this file (Tests/SimTestSupport/PackageRoot.swift).
    package static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Tests/SimTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the package root
}
