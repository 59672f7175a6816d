#if canImport(zlib)
internal import zlib
#else
internal import CZlib // ZIPFoundation's module map of the system zlib (Linux)
#endif

/// The bytes of one zip entry, stored or deflated, read in chunks from its data and no further,
/// and checked against the CRC32 its archive records.
///
/// ZIPFoundation's Linux inflate loop asks for input until the deflate stream ends, reading past
/// the entry's compressed size to the end of the file and then forever (a corrupt or truncated
/// archive hung the importer, `Fuzz/regressions/gdelt/`), and tells zlib a full buffer is there
/// when the last read was short. This reader hands zlib exactly the entry's compressed bytes, so
/// a stream that does not end where they do is a located error.
///
/// - Complexity: O(compressed size + uncompressed size) time (deflate expands at most about
///   1,032 times); memory two chunks.
struct ZipEntryReader {
    /// The archive's path, the entry's name (for messages), and the chunk size.
    let path: String, name: String, chunkSize: Int

    /// Feeds the entry's bytes to `feed`, chunk by chunk.
    /// - Parameters:
    ///   - start: the offset of the entry's data in `file`.
    ///   - method: 0 (stored) or 8 (deflate).
    ///   - compressedSize: the bytes of data in the archive.
    ///   - checksum: the CRC32 the archive records for the uncompressed bytes.
    /// - Throws: ``InputError`` (unreadable) naming the archive when the data is cut short, does
    ///   not inflate, uses another method or does not match its CRC32; whatever `feed` throws.
    func read(
        _ file: borrowing ZipFile, start: UInt64, method: UInt16, compressedSize: UInt64, checksum: UInt32,
        _ feed: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let crc: UInt32
        switch method {
        case 0: crc = try readStored(file, start: start, size: compressedSize, feed)
        case 8: crc = try readDeflated(file, start: start, size: compressedSize, feed)
        default:
            throw failure("'\(name)' is compressed with method \(method); only stored (0) and deflate (8) entries are read")
        }
        guard crc == checksum else {
            throw failure(
                "the data of '\(name)' does not match its CRC32 (the archive records \(hex(checksum)), the data gives \(hex(crc))): the archive is corrupt")
        }
    }

    /// Feeds the `size` stored bytes at `start`; returns their CRC32.
    private func readStored(
        _ file: borrowing ZipFile, start: UInt64, size: UInt64,
        _ feed: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> UInt32 {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        var crc = UInt(0), done: UInt64 = 0
        while done < size {
            let want = Int(min(UInt64(chunkSize), size - done))
            let n = try file.read(into: UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: want), at: start + done)
            guard n == want else {
                throw failure("the stored data of '\(name)' ends before its size (\(size) bytes) does: the archive is truncated or corrupt")
            }
            crc = crc32(crc, buffer.baseAddress, UInt32(n))
            try feed(UnsafeBufferPointer(rebasing: buffer[0..<n]))
            done += UInt64(n)
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// Inflates the `size` compressed bytes at `start`, feeding the output; returns its CRC32.
    private func readDeflated(
        _ file: borrowing ZipFile, start: UInt64, size: UInt64,
        _ feed: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> UInt32 {
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { input.deallocate() }
        let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { output.deallocate() }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw failure("zlib could not start inflating '\(name)'")
        }
        defer { inflateEnd(&stream) }
        var crc = UInt(0), read: UInt64 = 0
        while true {
            if stream.avail_in == 0 {
                // Every byte given was used and the stream has not ended: give the next ones.
                let want = Int(min(UInt64(chunkSize), size - read))
                let n = want == 0 ? 0 : try file.read(into: UnsafeMutableRawBufferPointer(start: input.baseAddress, count: want), at: start + read)
                guard n > 0 else {
                    throw failure("the compressed data of '\(name)' ends before its deflate stream does: the archive is truncated or corrupt")
                }
                read += UInt64(n)
                stream.next_in = input.baseAddress
                stream.avail_in = UInt32(n)
            }
            stream.next_out = output.baseAddress
            stream.avail_out = UInt32(chunkSize)
            let given = stream.avail_in
            let status = inflate(&stream, Z_NO_FLUSH)
            // With input and room for output, zlib moves or fails; standing still would loop.
            let stuck = stream.avail_in == given && stream.avail_out == UInt32(chunkSize)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, !(stuck && status != Z_STREAM_END) else {
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw failure("the compressed data of '\(name)' is not a valid deflate stream (\(reason)): the archive is corrupt")
            }
            let n = chunkSize - Int(stream.avail_out)
            if n > 0 {
                crc = crc32(crc, output.baseAddress, UInt32(n))
                try feed(UnsafeBufferPointer(rebasing: output[0..<n]))
            }
            if status == Z_STREAM_END { return UInt32(truncatingIfNeeded: crc) }
        }
    }

    private func failure(_ message: String) -> InputError { InputError(file: path, message, code: .unreadable) }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
