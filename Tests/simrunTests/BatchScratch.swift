// BatchScratch: a scratch folder for the files of one batch or merge test.
import Foundation

/// A scratch folder for one test's files. A struct, so it lives until the test's `defer` removes it.
struct BatchScratch {
    let url: URL

    init() throws { url = try SimrunCLI.temporaryDirectory(prefix: "simrun-batch") }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }

    func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }
}
