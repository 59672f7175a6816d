#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file's bytes with POSIX calls, so every failure comes with the system's
/// reason ("no such file", "is a directory", "permission denied") rather than Foundation's
/// generic "cannot be read" (which on Linux also says "You don't have permission" for a device
/// root may read).
///
/// A regular file is read whole. Anything else that can be opened for reading (a FIFO, a
/// process substitution `<(...)`, a character device) is read up to ``nonRegularLimit`` bytes
/// and refused beyond it, so `/dev/zero` or `/dev/urandom` given as input fails quickly instead of
/// reading forever. A directory or a socket is refused before reading.
///
/// - Complexity: O(file size).
enum InputFile {
    /// The most bytes read from an input that is not a regular file: 256 MiB, five times the
    /// largest dataset we have been sent (50 MB); a regular file has no limit.
    static let nonRegularLimit = 256 << 20

    /// The bytes of the file at `path`.
    /// - Throws: ``FileError`` naming the file and the reason.
    static func read(path: String, nonRegularLimit: Int = InputFile.nonRegularLimit) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw FileError(path: path, errno: errno)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw FileError(.isDirectory, path: path, reason: "is a directory, not a file")
        case S_IFSOCK: throw FileError(.notARegularFile, path: path, reason: "is a socket, not a file")
        default: break
        }
        let regular = info.st_mode & S_IFMT == S_IFREG
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, errno: errno) }
        defer { close(fd) }
        let limit = regular ? Int.max : nonRegularLimit
        var bytes: [UInt8] = []
        if regular, info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, errno: errno)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                throw FileError(
                    .tooLarge, path: path, reason: "is not a regular file (\(kind(info.st_mode))) and gives more than \(limit >> 20) MiB; stopped reading")
            }
        }
        return bytes
    }

    /// The system's reason for `code`, in the words users know.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENAMETOOLONG: return "the name is too long"
        case ELOOP: return "too many levels of symbolic links"
        case EISDIR: return "is a directory, not a file"
        default: return String(cString: strerror(code))
        }
    }

    /// "a FIFO", "a character device", ... for messages.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }
}

/// `read(2)`, named apart from ``InputFile/read(path:nonRegularLimit:)``, which shadows it inside the type.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
