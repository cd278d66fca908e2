// OutputFile: writes a report where the user asked — to a file atomically (a temporary file in
// the same folder, then a rename, so a reader never sees half a report) or to standard output.
import Foundation

enum OutputFile {
    struct WriteError: Error {
        var message: String
    }

    static func write(_ text: String, to path: String?) throws(WriteError) {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw WriteError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw WriteError(message: "cannot write \(path): \(reason)")
        }
    }
}
