// InstalledLibrary: the scenario library `make install` puts beside the binary, which sim.include
// searches after `--lib` and SIMRUN_PATH. Found from the binary's own location, so an install under
// any prefix (or a DESTDIR staged and moved) finds its own library and no other.
import Foundation

enum InstalledLibrary {
    /// `<bindir>/../share/simrun/scenarios`, where `<bindir>` holds the running binary (symlinks
    /// resolved); nil when there is no such folder, as in a build tree.
    static var folder: String? {
        guard let binary = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let folder = binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/simrun/scenarios").standardizedFileURL.path
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
            ? folder : nil
    }
}
