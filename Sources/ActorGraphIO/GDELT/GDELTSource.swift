internal import Foundation
internal import ZIPFoundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a GDELT input, in chunks: a plain file read with POSIX calls, or each file in a
/// `.zip` archive (as GDELT distributes its exports), listed by ZIPFoundation and read by
/// ``ZipEntryReader`` from where ``ZipEntryLocation`` finds its data, no further.
///
/// - Complexity: O(bytes); memory one chunk (1 MiB) at a time.
enum GDELTSource {
    static let chunkSize = 1 << 20

    /// True when `path` names a zip archive (by extension).
    static func isZip(_ path: String) -> Bool { (path as NSString).pathExtension.lowercased() == "zip" }

    /// The size of the file at `path` in bytes (0 when unknown).
    static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Calls `body` once per stream in `path` (the file, or each file entry of an archive) with
    /// its name and a function that feeds its chunks. `progress` gets the bytes of `path` done.
    static func chunks(
        of path: String, progress: ((Int) -> Void)?,
        _ body: (String, ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws -> Void
    ) throws {
        if isZip(path) {
            let archive: Archive
            do {
                archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            } catch {
                throw InputError(file: path, GDELTSource.reason(path) ?? "is not a readable zip archive (\(error))", code: .unreadable)
            }
            let file = try ZipFile(path: path)
            let locations = try ZipEntryLocation.all(in: file)
            var done = 0
            for (index, entry) in archive.enumerated() where entry.type == .file {
                guard index < locations.count else {
                    throw InputError(file: path, "the central directory record of '\(entry.path)' cannot be read: the archive is corrupt", code: .unreadable)
                }
                let location = locations[index]
                if location.flags & 0x8 == 0, location.compressedSize != entry.compressedSize || location.crc32 != entry.checksum {
                    throw InputError(
                        file: path, "the central directory record of '\(entry.path)' cannot be read consistently: the archive is corrupt", code: .unreadable)
                }
                let (start, method) = try location.data(in: file, name: entry.path)
                let reader = ZipEntryReader(path: path, name: entry.path, chunkSize: chunkSize)
                try body("\(path)!\(entry.path)") { feed in
                    try reader.read(
                        file, start: start, method: method, compressedSize: entry.compressedSize,
                        checksum: entry.checksum, feed)
                }
                done += Int(clamping: entry.compressedSize)
                progress?(done)
            }
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(file: path, reason(path) ?? "cannot be opened", code: .unreadable) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw InputError(file: path, "is a directory, not a file", code: .unreadable)
        }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        try body(path) { feed in
            var done = 0, reported = 0
            while true {
                let n = read(fd, buffer.baseAddress!, chunkSize)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputError(file: path, String(cString: strerror(errno)), code: .unreadable)
                }
                if n == 0 { break }
                try feed(UnsafeBufferPointer(rebasing: buffer[0..<n]))
                done += n
                if done - reported >= 8 * chunkSize { progress?(done); reported = done }
            }
            progress?(done)
        }
    }

    /// Why `path` cannot be read, in the system's words, or `nil` when it can be opened.
    static func reason(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return String(cString: strerror(errno)).lowercased() }
        if info.st_mode & S_IFMT == S_IFDIR { return "is a directory, not a file" }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return String(cString: strerror(errno)).lowercased() }
        close(fd)
        return nil
    }
}
