// ScenarioFiles: the files of one scenario — the main file, the folder trees that `sim.include`
// may reach (the main file's and the library folders'), and every source loaded so far, whose bytes
// make the scenario's sha256.
import Foundation
import SimSupport

/// The sources of one scenario, in the order they were loaded.
final class ScenarioFiles {
    struct Source {
        /// The path as messages show it: relative to where the user stands, like the main file.
        var display: String
        /// Absolute path with symlinks resolved: what identifies the file.
        var resolved: String
        var bytes: [UInt8]
        /// The tree it belongs to, resolved: its own includes may not leave it.
        var root: String
    }

    /// The main scenario file as the user named it.
    let mainPath: String
    /// The main file's folder, resolved: includes never leave it or a library's tree.
    private let root: String
    /// The library folders as given and resolved, searched in order after the includer's folder.
    private let libraries: [(display: String, resolved: String)]
    private(set) var sources: [Source] = []
    /// Results of files already included, as registry references, by resolved path.
    var includeResults: [String: Int32] = [:]
    /// Files being included right now: including one again is a cycle.
    var including: Set<String> = []

    /// Files already read: by a batch worker, each is read once, not once per run.
    private let cache: ScenarioCache

    /// The largest scenario file or include read: the shipped scenarios are under 40 KB, and a file
    /// is compiled in memory of the same order as its size.
    static let maxFileBytes = 16 << 20

    init(mainPath: String, libraries: [String] = [], cache: ScenarioCache) throws(ScenarioFileError) {
        self.mainPath = mainPath
        self.cache = cache
        var folders: [(String, String)] = []
        for library in libraries {
            var isFolder: ObjCBool = false
            let resolved = ScenarioFiles.resolve(library, cache: cache)
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder.boolValue else {
                throw ScenarioFileError(message: "library folder '\(library)' (--lib or SIMRUN_PATH): no such folder")
            }
            folders.append((library, resolved))
        }
        self.libraries = folders
        let resolved = ScenarioFiles.resolve(mainPath, cache: cache)
        root = (resolved as NSString).deletingLastPathComponent
        sources.append(try read(display: mainPath, resolved: resolved, root: root))
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
        let (display, resolved, tree) = try locate(relative, from: includer)
        if let known = sources.first(where: { $0.resolved == resolved }) { return known }
        let source = try read(display: display, resolved: resolved, root: tree)
        sources.append(source)
        return source
    }

    /// The display and resolved paths of an include and the tree it is in: next to the includer
    /// inside the includer's tree, else in the first library folder that has it, never outside
    /// those trees. Remembered by the cache, since path arithmetic and symlink resolution are costly
    /// next to a run.
    private func locate(
        _ relative: String, from includer: String
    ) throws(ScenarioFileError) -> (String, String, String) {
        let key = includer + "\u{0}" + relative
        if let known = cache.includes[key] { return known }
        let from = sources.first { $0.display == includer } ?? main
        let beside = ScenarioFiles.resolve(
            ((from.resolved as NSString).deletingLastPathComponent as NSString).appendingPathComponent(relative),
            cache: cache)
        let displayFolder = (includer as NSString).deletingLastPathComponent
        let besideDisplay =
            ((displayFolder.isEmpty ? relative : displayFolder + "/" + relative) as NSString).standardizingPath
        var found: (String, String, String)?
        if beside.hasPrefix(from.root + "/") && FileManager.default.fileExists(atPath: beside) {
            found = (besideDisplay, beside, from.root)
        } else {
            for library in libraries {
                let candidate = ScenarioFiles.resolve(
                    (library.resolved as NSString).appendingPathComponent(relative), cache: cache)
                guard candidate.hasPrefix(library.resolved + "/") else {
                    throw ScenarioFileError(message: "'\(relative)' is outside the library folder '\(library.display)'")
                }
                if FileManager.default.fileExists(atPath: candidate) {
                    found = (
                        ((library.display as NSString).appendingPathComponent(relative) as NSString).standardizingPath,
                        candidate, library.resolved
                    )
                    break
                }
            }
        }
        guard let found else {
            guard beside.hasPrefix(from.root + "/") else {
                throw ScenarioFileError(message: "'\(relative)' is outside the scenario's folder")
            }
            let searched =
                libraries.isEmpty
                ? "" : " (nor in the library folders \(libraries.map(\.display).joined(separator: ", ")))"
            throw ScenarioFileError(message: "\(besideDisplay): no such file\(searched)")
        }
        cache.includes[key] = found
        return found
    }

    /// The absolute path with `..` and symlinks resolved, remembered by the cache.
    private static func resolve(_ path: String, cache: ScenarioCache) -> String {
        if let known = cache.resolvedPaths[path] { return known }
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        cache.resolvedPaths[path] = resolved
        return resolved
    }

    private func read(display: String, resolved: String, root: String) throws(ScenarioFileError) -> Source {
        if let bytes = cache.sources[resolved] {
            return Source(display: display, resolved: resolved, bytes: bytes, root: root)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
            throw ScenarioFileError(message: "\(display): no such file")
        }
        // Read no further than the cap: a huge or sparse file, or a device that never ends, is refused
        // after reading one byte past it, not after reading it whole.
        guard !isFolder.boolValue, let handle = FileHandle(forReadingAtPath: resolved),
            let data = try? handle.read(upToCount: ScenarioFiles.maxFileBytes + 1)
        else {
            throw ScenarioFileError(message: "\(display): cannot read it as a file")
        }
        try? handle.close()
        guard data.count <= ScenarioFiles.maxFileBytes else {
            throw ScenarioFileError(
                message:
                    "\(display): larger than \(ScenarioFiles.maxFileBytes >> 20) MiB, the cap on a scenario file "
                    + "or an include")
        }
        let bytes = [UInt8](data)
        cache.sources[resolved] = bytes
        return Source(display: display, resolved: resolved, bytes: bytes, root: root)
    }
}
