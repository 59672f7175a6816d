#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An archive file open for positioned reads (`pread`), with the little-endian integers of the
/// zip format read out of its bytes.
///
/// Reads never move a shared file position, so the central directory and each entry's data are
/// read where they are, and a read past the end of the file returns what there is.
struct ZipFile: ~Copyable {
    /// The path, as errors name it.
    let path: String
    /// The size of the file in bytes.
    let size: UInt64
    private let fd: Int32

    /// Opens `path` for reading.
    /// - Throws: ``InputError`` (unreadable) naming `path` when it cannot be opened or measured.
    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw InputError(file: path, String(cString: strerror(errno)).lowercased(), code: .unreadable)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            close(fd)
            throw InputError(file: path, reason, code: .unreadable)
        }
        self.path = path
        self.size = UInt64(max(0, info.st_size))
        self.fd = fd
    }

    deinit { close(fd) }

    /// Reads up to `buffer.count` bytes at `offset` into `buffer`; fewer only at the end of the file.
    /// - Returns: The number of bytes read.
    /// - Throws: ``InputError`` (unreadable) for a read error.
    /// - Complexity: O(`buffer.count`).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) throws -> Int {
        guard offset < size, let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = pread(fd, base + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, String(cString: strerror(errno)).lowercased(), code: .unreadable)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// The `count` bytes at `offset`, or `nil` when the file ends before them.
    /// - Complexity: O(`count`).
    func bytes(_ count: Int, at offset: UInt64) throws -> [UInt8]? {
        guard offset <= size, UInt64(count) <= size - offset else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = try bytes.withUnsafeMutableBytes { try read(into: $0, at: offset) }
        return n == count ? bytes : nil
    }
}

extension Array where Element == UInt8 {
    /// The zip format's little-endian unsigned integer of `width` bytes at `offset` (in range).
    func zipInteger(at offset: Int, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in (0..<width).reversed() { value = value << 8 | UInt64(self[offset + i]) }
        return value
    }
}
