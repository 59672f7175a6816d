/// Where one entry of a zip archive is: its local header's offset, read from the archive's
/// central directory, and from that header where its data starts and how it is compressed.
///
/// ZIPFoundation lists an archive's entries but does not say where their data starts, and its
/// Linux inflate reads past an entry's compressed bytes (a deflate stream that never ends then
/// spins at the end of the file), so ``ZipEntryReader`` reads the data itself from here. The
/// central directory is found as ZIPFoundation finds it (the last end-of-central-directory
/// signature, and the ZIP64 record just before it when there is one), so the locations come in
/// the order of ZIPFoundation's entries.
struct ZipEntryLocation {
    /// The offset of the entry's local file header.
    let headerOffset: UInt64
    /// The compressed size the central directory records (the ZIP64 one when there is one).
    let compressedSize: UInt64
    /// The CRC32 the central directory records.
    let crc32: UInt32
    /// The general-purpose flags (bit 3: sizes and CRC32 in a data descriptor after the data).
    let flags: UInt16

    /// The entries of the archive in central-directory order. A record that cannot be read ends
    /// the list, as it ends ZIPFoundation's.
    /// - Throws: ``InputError`` when there is no end-of-central-directory record.
    /// - Complexity: O(central directory + 64 KiB); memory O(entries).
    static func all(in file: borrowing ZipFile) throws -> [ZipEntryLocation] {
        let (start, count) = try centralDirectory(of: file)
        var locations: [ZipEntryLocation] = []
        var position = start
        while UInt64(locations.count) < count, let fixed = try file.bytes(46, at: position),
            fixed.zipInteger(at: 0, width: 4) == 0x0201_4B50
        {
            let nameLength = fixed.zipInteger(at: 28, width: 2), extraLength = fixed.zipInteger(at: 30, width: 2)
            let commentLength = fixed.zipInteger(at: 32, width: 2)
            var compressed = fixed.zipInteger(at: 20, width: 4), offset = fixed.zipInteger(at: 42, width: 4)
            if compressed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                guard let extra = try file.bytes(Int(extraLength), at: position + 46 + nameLength),
                    let zip64 = zip64Values(
                        extra, uncompressed: fixed.zipInteger(at: 24, width: 4) == 0xFFFF_FFFF,
                        compressed: compressed == 0xFFFF_FFFF, offset: offset == 0xFFFF_FFFF)
                else { break }
                compressed = zip64.compressed ?? compressed
                offset = zip64.offset ?? offset
            }
            locations.append(
                ZipEntryLocation(
                    headerOffset: offset, compressedSize: compressed,
                    crc32: UInt32(fixed.zipInteger(at: 16, width: 4)),
                    flags: UInt16(fixed.zipInteger(at: 8, width: 2))))
            position += 46 + nameLength + extraLength + commentLength
        }
        return locations
    }

    /// Where the entry's data starts and its compression method, from its local file header.
    /// - Throws: ``InputError`` naming `name` when the header is not there.
    /// - Complexity: O(1).
    func data(in file: borrowing ZipFile, name: String) throws -> (offset: UInt64, method: UInt16) {
        guard let header = try file.bytes(30, at: headerOffset), header.zipInteger(at: 0, width: 4) == 0x0403_4B50 else {
            throw InputError(file: file.path, "the local header of '\(name)' is not at offset \(headerOffset): the archive is corrupt", code: .unreadable)
        }
        let start = headerOffset + 30 + header.zipInteger(at: 26, width: 2) + header.zipInteger(at: 28, width: 2)
        return (start, UInt16(header.zipInteger(at: 8, width: 2)))
    }

    /// The central directory's offset and entry count, from the end-of-central-directory record
    /// nearest the end of the file (and the ZIP64 record before it when there is one).
    private static func centralDirectory(of file: borrowing ZipFile) throws -> (start: UInt64, count: UInt64) {
        let tailLength = Int(min(file.size, 22 + 0xFFFF))
        guard tailLength >= 22, let tail = try file.bytes(tailLength, at: file.size - UInt64(tailLength)) else {
            throw InputError(file: file.path, "has no end-of-central-directory record: not a zip archive, or truncated", code: .unreadable)
        }
        guard let end = stride(from: tailLength - 22, through: 0, by: -1).first(where: { tail.zipInteger(at: $0, width: 4) == 0x0605_4B50 }) else {
            throw InputError(file: file.path, "has no end-of-central-directory record: not a zip archive, or truncated", code: .unreadable)
        }
        let endOffset = file.size - UInt64(tailLength) + UInt64(end)
        if endOffset > 20 + 56, let locator = try file.bytes(20, at: endOffset - 20), locator.zipInteger(at: 0, width: 4) == 0x0706_4B50,
            let record = try file.bytes(56, at: endOffset - 20 - 56), record.zipInteger(at: 0, width: 4) == 0x0606_4B50
        {
            return (record.zipInteger(at: 48, width: 8), record.zipInteger(at: 32, width: 8))
        }
        return (tail.zipInteger(at: end + 16, width: 4), tail.zipInteger(at: end + 10, width: 2))
    }

    /// The ZIP64 extended-information values present (each only when its 32-bit field is
    /// 0xFFFFFFFF, in the order uncompressed size, compressed size, offset), or `nil` when the
    /// extra field has no such block or it is short.
    private static func zip64Values(_ extra: [UInt8], uncompressed: Bool, compressed: Bool, offset: Bool) -> (compressed: UInt64?, offset: UInt64?)? {
        var i = 0
        while i + 4 <= extra.count {
            let id = extra.zipInteger(at: i, width: 2), length = Int(extra.zipInteger(at: i + 2, width: 2))
            guard i + 4 + length <= extra.count else { return nil }
            if id == 0x0001 {
                var at = i + 4
                func next(_ present: Bool) -> UInt64?? {
                    guard present else { return .some(nil) }
                    guard at + 8 <= i + 4 + length else { return nil }
                    defer { at += 8 }
                    return extra.zipInteger(at: at, width: 8)
                }
                guard next(uncompressed) != nil, let c = next(compressed), let o = next(offset) else { return nil }
                return (c, o)
            }
            i += 4 + length
        }
        return nil
    }
}
