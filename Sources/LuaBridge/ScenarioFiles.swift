// ScenarioFiles: the files of one scenario — the main file, the folder tree that `sim.include`
// may reach, and every source loaded so far, whose bytes make the scenario's sha256.
import Foundation
import SimCore
import SimSupport

/// A scenario file that cannot be read.
public struct ScenarioFileError: Error, Sendable {
    public var message: String
}

/// The sources of one scenario, in the order they were loaded.
final class ScenarioFiles {
    struct Source {
        /// The path as messages show it: relative to where the user stands, like the main file.
        var display: String
        /// Absolute path with symlinks resolved: what identifies the file.
        var resolved: String
        var bytes: [UInt8]
    }

    /// The main scenario file as the user named it.
    let mainPath: String
    /// The main file's folder, resolved: includes never leave it.
    private let root: String
    private(set) var sources: [Source] = []
    /// Results of files already included, as registry references, by resolved path.
    var includeResults: [String: Int32] = [:]
    /// Files being included right now: including one again is a cycle.
    var including: Set<String> = []

    /// Files already read: by a batch worker, each is read once, not once per run.
    private let cache: ScenarioCache

    init(mainPath: String, cache: ScenarioCache) throws(ScenarioFileError) {
        self.mainPath = mainPath
        self.cache = cache
        let resolved = ScenarioFiles.resolve(mainPath, cache: cache)
        root = (resolved as NSString).deletingLastPathComponent
        sources.append(try read(display: mainPath, resolved: resolved))
    }

    var main: Source { sources[0] }

    /// sha256 (hex) over the bytes of every source, in load order.
    var sha256: String {
        SHA256.hex(sources.flatMap(\.bytes))
    }

    /// Resolves `relative` against the folder of `includer` (a display path), inside the root.
    func resolveInclude(_ relative: String, from includer: String) throws(ScenarioFileError) -> Source {
        guard !relative.isEmpty, !relative.hasPrefix("/") else {
            throw ScenarioFileError(message: "'\(relative)' must be a relative path")
        }
        let (display, resolved) = try locate(relative, from: includer)
        if let known = sources.first(where: { $0.resolved == resolved }) { return known }
        let source = try read(display: display, resolved: resolved)
        sources.append(source)
        return source
    }

    /// The display and resolved paths of an include, checked to stay inside the root; remembered by
    /// the cache, since path arithmetic and symlink resolution are costly next to a run.
    private func locate(_ relative: String, from includer: String) throws(ScenarioFileError) -> (String, String) {
        let key = includer + "\u{0}" + relative
        if let known = cache.includes[key] { return known }
        let includerPath = sources.first { $0.display == includer }?.resolved ?? main.resolved
        let resolved = ScenarioFiles.resolve(
            ((includerPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(relative),
            cache: cache)
        guard resolved.hasPrefix(root + "/") else {
            throw ScenarioFileError(message: "'\(relative)' is outside the scenario's folder")
        }
        let displayFolder = (includer as NSString).deletingLastPathComponent
        let display = ((displayFolder.isEmpty ? relative : displayFolder + "/" + relative) as NSString)
            .standardizingPath
        cache.includes[key] = (display, resolved)
        return (display, resolved)
    }

    /// The absolute path with `..` and symlinks resolved, remembered by the cache.
    private static func resolve(_ path: String, cache: ScenarioCache) -> String {
        if let known = cache.resolvedPaths[path] { return known }
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        cache.resolvedPaths[path] = resolved
        return resolved
    }

    private func read(display: String, resolved: String) throws(ScenarioFileError) -> Source {
        if let bytes = cache.sources[resolved] {
            return Source(display: display, resolved: resolved, bytes: bytes)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
            throw ScenarioFileError(message: "\(display): no such file")
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: resolved) else {
            throw ScenarioFileError(message: "\(display): cannot read it as a file")
        }
        cache.sources[resolved] = [UInt8](data)
        return Source(display: display, resolved: resolved, bytes: [UInt8](data))
    }
}
