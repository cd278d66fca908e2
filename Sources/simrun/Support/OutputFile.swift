// OutputFile: writes what simrun produces where the user asked — a report or summary to a file
// atomically (a temporary file in the same folder, then a rename, so a reader never sees half of
// it) or to standard output; and a batch's runs file as a stream, row by row, resumable.
import Foundation

/// Where output goes. Every failure to write is a CLIError with exit code 74.
enum OutputFile {
    /// Writes the whole text atomically to `path`, or to standard output.
    static func write(_ text: String, to path: String?) throws(CLIError) {
        guard let path else {
            try write(text, to: FileHandle.standardOutput, path: nil)
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))", .cannotWrite)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw CLIError("cannot write \(path): \(reason)", .cannotWrite)
        }
    }

    /// A new, empty file to write rows to as they come (standard output without a path).
    static func stream(to path: String?) throws(CLIError) -> FileHandle {
        guard let path else { return FileHandle.standardOutput }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))", .cannotWrite)
        }
        return handle
    }

    /// An existing file cut to its first `length` bytes, open to append after them.
    static func append(to path: String, keeping length: Int) throws(CLIError) -> FileHandle {
        guard truncate(path, off_t(length)) == 0, let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))", .cannotWrite)
        }
        handle.seekToEndOfFile()
        return handle
    }

    /// Writes text to an open file at once (no buffering: a killed batch keeps every written row).
    static func write(_ text: String, to handle: FileHandle, path: String?) throws(CLIError) {
        var text = text
        let failure: Int32? = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(handle.fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure {
            let reason = String(cString: strerror(failure))
            throw CLIError("cannot write \(path ?? "standard output"): \(reason)", .cannotWrite)
        }
    }
}
