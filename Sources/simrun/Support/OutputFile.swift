// OutputFile: writes what simrun produces where the user asked — a report or summary to a file
// atomically, or to standard output; and a batch's runs file as a stream, row by row, resumable.
//
// Only a regular file is replaced by rename (a temporary file in the same folder, so a reader never
// sees half of it), and it keeps its permissions and, where allowed, its owner; a symlink is followed
// to its target, which is what gets replaced; anything else — a device such as /dev/null, a FIFO,
// /dev/stdout — is written straight into, since renaming over it would put a regular file in its place.
import Foundation

/// Where output goes. Every failure to write is a CLIError with exit code 74.
enum OutputFile {
    /// Writes the whole text to `path` (atomically when it is or will be a regular file), or to
    /// standard output.
    static func write(_ text: String, to path: String?) throws(CLIError) {
        guard let path else {
            try write(text, to: FileHandle.standardOutput, path: nil)
            return
        }
        switch try target(of: path) {
        case .regular(let file, let existing):
            try replace(file, with: text, existing: existing, path: path)
        case .direct:
            let handle = try open(path, flags: O_APPEND)
            defer { try? handle.close() }
            try write(text, to: handle, path: path)
        }
    }

    /// A file to write rows to as they come, emptied first (standard output without a path).
    static func stream(to path: String?) throws(CLIError) -> FileHandle {
        guard let path else { return FileHandle.standardOutput }
        // Opening follows symlinks itself; a regular file is emptied, anything else appended to.
        return try open(path, flags: try target(of: path).isDirect ? O_APPEND : O_TRUNC)
    }

    /// An existing file cut to its first `length` bytes, open to append after them.
    static func append(to path: String, keeping length: Int) throws(CLIError) -> FileHandle {
        let handle = try open(path, flags: 0)
        guard ftruncate(handle.fileDescriptor, off_t(length)) == 0 else { throw cannotWrite(path, errno) }
        handle.seekToEndOfFile()
        return handle
    }

    /// Writes text to an open file at once (no buffering: a killed batch keeps every written row).
    static func write(_ text: String, to handle: FileHandle, path: String?) throws(CLIError) {
        var text = text
        let failure: Int32? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(handle.fileDescriptor, base + offset, bytes.count - offset)
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

    // MARK: What a path names

    /// How a path is written: a regular file (existing, with its status, or to be created) replaced
    /// by rename, or anything else written straight into.
    enum Target {
        case regular(String, existing: stat?)
        case direct

        var isDirect: Bool {
            if case .direct = self { return true }
            return false
        }
    }

    /// Symlinks followed past this many are a loop, as the kernel counts them.
    private static let maxLinks = 40

    /// What `path` names once its symlinks are followed. A path ending in `/` names a folder, and
    /// so cannot be written; a path through /proc (/dev/stdout is a link to /proc/self/fd/1, the
    /// shell's own descriptor) is written into, whatever it resolves to.
    static func target(of path: String) throws(CLIError) -> Target {
        guard !path.hasSuffix("/") else { throw cannotWrite(path, EISDIR) }
        var current = path
        for _ in 0...maxLinks {
            guard !isUnderProc(current) else { return .direct }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                guard errno == ENOENT else { throw cannotWrite(path, errno) }
                return .regular(current, existing: nil)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX))
                let count = readlink(current, &buffer, buffer.count)
                guard count >= 0 else { throw cannotWrite(path, errno) }
                let link = String(decoding: buffer[..<count], as: UTF8.self)
                current = link.hasPrefix("/") ? link : folder(of: current) + link
            case S_IFREG:
                return .regular(current, existing: info)
            case S_IFDIR:
                throw cannotWrite(path, EISDIR)
            default:
                return .direct
            }
        }
        throw cannotWrite(path, ELOOP)
    }

    /// Whether the folder holding `path` lies under /proc once its symlinks are resolved: /dev/fd is
    /// a link to /proc/self/fd.
    private static func isUnderProc(_ path: String) -> Bool {
        let folder = folder(of: path)
        return URL(fileURLWithPath: folder.isEmpty ? "." : folder).resolvingSymlinksInPath().path.hasPrefix("/proc/")
    }

    /// The folder part of a path with its slash (`dir/`, `/`), empty for a bare name: what a name
    /// in the same folder is appended to. (NSString's own traps on some one-letter names.)
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    // MARK: Writing

    /// Writes `text` to a temporary file beside `file` and renames it over `file`, keeping the
    /// permissions and (when allowed) the owner of the `existing` file. A file simrun may not write
    /// stays as it is, as it would for a write in place.
    private static func replace(_ file: String, with text: String, existing: stat?, path: String) throws(CLIError) {
        if existing != nil, access(file, W_OK) != 0 { throw cannotWrite(path, errno) }
        let mode = existing.map { $0.st_mode & 0o7777 }
        let name = file.split(separator: "/").last ?? ""
        let temporary = folder(of: file) + ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp"
        // A temporary file of this name is left over from a process of the same id, now gone.
        unlink(temporary)
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
        guard descriptor >= 0 else { throw cannotWrite(path, errno) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do throws(CLIError) {
            // The umask narrowed the mode given to open: the file keeps the permissions it had.
            if let mode, fchmod(descriptor, mode) != 0 { throw cannotWrite(path, errno) }
            // Only root may give a file away; for anyone else the owner is already theirs.
            if let existing { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
            try write(text, to: handle, path: path)
            try? handle.close()
            guard rename(temporary, file) == 0 else { throw cannotWrite(path, errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// `path` opened for writing (created when missing), with `flags` added.
    private static func open(_ path: String, flags: Int32) throws(CLIError) -> FileHandle {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0o666)
        guard descriptor >= 0 else { throw cannotWrite(path, errno) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private static func cannotWrite(_ path: String, _ code: Int32) -> CLIError {
        CLIError("cannot write \(path): \(String(cString: strerror(code)))", .cannotWrite)
    }
}
