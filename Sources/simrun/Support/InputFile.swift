// InputFile: reads a file simrun was given to read — a summary, a report, a runs file — whole. What
// cannot be opened is exit 66 whatever the reason (no such file, a folder, no permission): reading
// errors are never taken for writing errors (74) nor for bad content (65).
import Foundation

enum InputFile {
    /// The bytes of `path`; a CLIError with exit 66 naming the path when it cannot be read.
    static func read(_ path: String) throws(CLIError) -> Data {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw CLIError("\(path): no such file", .fileNotFound) }
            throw cannotRead(path, errno)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        // A folder opens for reading on Linux; only reading it fails.
        guard fstat(descriptor, &info) == 0 else { throw cannotRead(path, errno) }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw cannotRead(path, EISDIR) }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw cannotRead(path, EIO)
        }
    }

    private static func cannotRead(_ path: String, _ code: Int32) -> CLIError {
        CLIError("cannot read \(path): \(String(cString: strerror(code)))", .fileNotFound)
    }
}
