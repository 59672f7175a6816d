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
/// `.zip` archive (as GDELT distributes its exports) inflated by ZIPFoundation.
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
    static func chunks(of path: String, progress: ((Int) -> Void)?,
                       _ body: (String, ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws -> Void) throws {
        if isZip(path) {
            let archive: Archive
            do {
                archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            } catch {
                throw InputError(file: path, GDELTSource.reason(path) ?? "is not a readable zip archive (\(error))", code: .unreadable)
            }
            var done = 0
            for entry in archive where entry.type == .file {
                try body("\(path)!\(entry.path)") { feed in
                    do {
                        _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { data in
                            try data.withUnsafeBytes { try feed($0.bindMemory(to: UInt8.self)) }
                        }
                    } catch let error as GDELTImportError {
                        throw error
                    } catch let error as InputError {
                        throw error
                    } catch {
                        throw InputError(file: path, "cannot inflate '\(entry.path)': \(error)", code: .unreadable)
                    }
                }
                done += Int(entry.compressedSize)
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
