public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: the bytes go to a temporary file in the same directory, which is
/// flushed and then renamed over the destination. A failure at any point leaves the old file
/// (if any) untouched and no partial file behind; with ``installInterruptCleanup()`` neither
/// does SIGINT, SIGTERM or SIGHUP.
///
/// ## What may be replaced
/// Only a regular file the caller may write, or nothing (a new file is created). The rules, in
/// the order they are checked:
/// - A symbolic link is followed (links to links too, at most 40), and the file it leads to is
///   replaced; the link stays. A link in a world-writable sticky directory (`/tmp`) is followed
///   only when it belongs to the caller or to the directory's owner, the rule the Linux kernel's
///   `fs.protected_symlinks` applies to `open` (the rename would otherwise bypass it).
/// - A directory, FIFO, device or socket is never replaced: that is an error.
/// - An existing file the caller may not write (`access(W_OK)`), or with no write permission bit
///   at all (root passes `access`), is an error, as `>` in a shell would make it.
/// - A name longer than the system allows (255 bytes) is an error that says so.
///
/// An existing file keeps its permission bits (and, for root, its owner); a new file gets
/// `0666` minus the umask.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    /// - Throws: ``FileError`` naming the path and the reason.
    public static func write(_ data: Data, to path: String) throws {
        let given = (path as NSString).lastPathComponent
        if given.utf8.count > nameLimit {
            throw FileError(.nameTooLong, path: path, reason: "the file name is too long (\(given.utf8.count) bytes; at most \(nameLimit))")
        }
        let destination = try resolveDestination(path)
        let directory = (destination.path as NSString).deletingLastPathComponent
        let name = (destination.path as NSString).lastPathComponent
        let directoryPath = directory.isEmpty ? "." : directory
        var directoryInfo = stat()
        guard stat(directoryPath, &directoryInfo) == 0 else {
            let code = errno
            throw code == ENOENT
                ? FileError(.notFound, path: path, reason: "directory '\(directoryPath)' does not exist")
                : FileError(path: path, errno: code, prefix: "directory '\(directoryPath)': ")
        }
        guard directoryInfo.st_mode & S_IFMT == S_IFDIR else {
            throw FileError(.notADirectory, path: path, reason: "'\(directoryPath)' is not a directory")
        }
        if name.utf8.count > nameLimit {
            throw FileError(.nameTooLong, path: path, reason: "the file name is too long (\(name.utf8.count) bytes; at most \(nameLimit))")
        }
        let temporary = (directory.isEmpty ? "" : directory + "/") + temporaryName(for: name)
        let mode: mode_t = destination.existing.map { $0.st_mode & 0o7777 } ?? 0o666
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw FileError(path: path, errno: errno, prefix: "cannot create a temporary file in '\(directoryPath)': ")
        }
        let slot = PendingTemporaryFiles.register(temporary)
        defer { PendingTemporaryFiles.unregister(slot) }
        var closed = false
        do {
            if let existing = destination.existing {
                // `open` applied the umask; the old file's bits are restored exactly.
                if fchmod(fd, existing.st_mode & 0o7777) != 0 { throw FileError(path: path, errno: errno) }
                if geteuid() == 0 { _ = fchown(fd, existing.st_uid, existing.st_gid) }
            }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw FileError(path: path, errno: errno)
                    }
                    offset += n
                }
            }
            if fsync(fd) != 0 { throw FileError(path: path, errno: errno) }
            closed = true
            if close(fd) != 0 { throw FileError(path: path, errno: errno) }
            if rename(temporary, destination.path) != 0 {
                throw FileError(path: path, errno: errno)
            }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// The longest file name (one path component), in bytes: Linux's `NAME_MAX`.
    static let nameLimit = 255

    /// `.NAME.RANDOM.tmp`, with NAME shortened so the whole stays within ``nameLimit``.
    static func temporaryName(for name: String) -> String {
        let suffix = ".\(UInt32.random(in: 0...UInt32.max)).tmp"
        var stem = Substring(name)
        while 1 + stem.utf8.count + suffix.utf8.count > nameLimit { stem = stem.dropLast() }
        return "." + stem + suffix
    }

    /// The path to write and what is there now (`nil` for a new file), after following links
    /// under the rules in the type's documentation.
    static func resolveDestination(_ path: String) throws -> (path: String, existing: stat?) {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return (current, nil) }
                throw FileError(path: path, errno: errno, prefix: describe(current, path))
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                try checkProtectedLink(current, owner: info.st_uid, original: path)
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(current, &buffer, buffer.count - 1)
                guard n >= 0 else { throw FileError(path: path, errno: errno, prefix: describe(current, path)) }
                let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if target.hasPrefix("/") {
                    current = target
                } else {
                    let directory = (current as NSString).deletingLastPathComponent
                    current = directory.isEmpty ? target : directory + "/" + target
                }
            case S_IFREG:
                let mode = String(info.st_mode & 0o7777, radix: 8)
                if info.st_mode & 0o222 == 0 {
                    throw FileError(
                        .permissionDenied, path: path, reason: describe(current, path) + "is read-only (mode \(mode)); make it writable or choose another name")
                }
                if access(current, W_OK) != 0 {
                    if errno == EROFS {
                        throw FileError(.readOnly, path: path, reason: describe(current, path) + "is on a read-only file system; choose another folder")
                    }
                    throw FileError(
                        .permissionDenied, path: path,
                        reason: describe(current, path) + "is not writable by you (mode \(mode), owner uid \(info.st_uid)); choose another name")
                }
                return (current, info)
            default:
                throw FileError(
                    .notARegularFile, path: path,
                    reason: describe(current, path)
                        + "is \(InputFile.kind(info.st_mode)), not a regular file; refusing to replace it")
            }
        }
        throw FileError(.symbolicLinkLoop, path: path, reason: "too many levels of symbolic links")
    }

    /// "'TARGET' (the link's target) " when the problem is with a link's target, else "".
    private static func describe(_ current: String, _ original: String) -> String {
        current == original ? "" : "its link target '\(current)' "
    }

    /// Refuses to follow a link in a world-writable sticky directory unless the caller or the
    /// directory's owner owns it (`fs.protected_symlinks`).
    private static func checkProtectedLink(_ link: String, owner: uid_t, original: String) throws {
        let parent = (link as NSString).deletingLastPathComponent
        var directory = stat()
        guard stat(parent.isEmpty ? "." : parent, &directory) == 0 else { return }
        let stickyWorldWritable = directory.st_mode & S_ISVTX != 0 && directory.st_mode & S_IWOTH != 0
        if stickyWorldWritable && owner != geteuid() && owner != directory.st_uid {
            throw FileError(
                .permissionDenied, path: original,
                reason:
                    "'\(link)' is a symbolic link owned by someone else (uid \(owner)) in the world-writable sticky directory '\(parent.isEmpty ? "." : parent)'; refusing to follow it (the kernel's protected_symlinks rule)"
            )
        }
    }
}

/// `write(2)`, named apart from ``AtomicFile/write(_:to:)-(Data,_)``, which shadows it inside the type.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
