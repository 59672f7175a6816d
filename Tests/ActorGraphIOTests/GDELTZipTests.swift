import Foundation
import Testing

@testable import ActorGraphIO

/// GDELT `.zip` inputs read entry by entry (``ZipEntryLocation``, ``ZipEntryReader``): the
/// bundled sample's deflate stream rebuilt into archives that are whole, cut short, stored,
/// mislabelled or corrupt. Each damaged archive must give one located error, never a hang.
@Suite struct GDELTZipTests {
    /// The bundled sample archive's one entry: its name, raw deflate bytes and CRC32.
    struct SampleEntry {
        let name: [UInt8], deflated: [UInt8], crc32: UInt32, size: Int
    }

    static func sampleEntry() throws -> SampleEntry {
        let zip = try [UInt8](Data(contentsOf: URL(fileURLWithPath: gdeltFixture("sample-v2.export.CSV.zip"))))
        func int(_ at: Int, _ width: Int) -> Int { (0..<width).reduce(0) { $0 | Int(zip[at + $1]) << (8 * $1) } }
        try #require(int(0, 4) == 0x0403_4B50 && int(8, 2) == 8)
        let nameLength = int(26, 2), start = 30 + nameLength + int(28, 2)
        return SampleEntry(
            name: Array(zip[30..<(30 + nameLength)]), deflated: Array(zip[start..<(start + int(18, 4))]),
            crc32: UInt32(int(14, 4)), size: int(22, 4))
    }

    static func sampleCSV() throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: gdeltFixture("sample-v2.export.CSV"))))
    }

    /// A one-entry archive: local header, `data`, central directory record, end record; every
    /// size and offset consistent with `data`, so only what the arguments say is wrong.
    /// With `zip64`, the central directory record gives both sizes and the local header's
    /// offset in a ZIP64 extended-information field (its 32-bit fields 0xFFFFFFFF), and the
    /// archive starts after 16 bytes of preamble (ZIPFoundation takes a ZIP64 offset of 0 for
    /// none).
    static func archive(name: [UInt8], method: UInt16, data: [UInt8], crc32: UInt32, size: Int, zip64: Bool = false) -> [UInt8] {
        func le(_ value: Int, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        func fields(_ compressed: Int, _ uncompressed: Int, extra: Int) -> [UInt8] {
            le(45, 2) + le(0, 2) + le(Int(method), 2) + le(0, 2) + le(0x4666, 2) + le(Int(crc32), 4)
                + le(compressed, 4) + le(uncompressed, 4) + le(name.count, 2) + le(extra, 2)
        }
        let preamble = zip64 ? Array("not a zip header".utf8) : []
        let local = preamble + le(0x0403_4B50, 4) + fields(data.count, size, extra: 0) + name + data
        let extra = zip64 ? le(1, 2) + le(24, 2) + le(size, 8) + le(data.count, 8) + le(preamble.count, 8) : []
        let central =
            le(0x0201_4B50, 4) + le(0x0314, 2)
            + (zip64 ? fields(0xFFFF_FFFF, 0xFFFF_FFFF, extra: extra.count) : fields(data.count, size, extra: 0))
            + le(0, 2) + le(0, 2) + le(0, 2) + le(0o100644 << 16, 4) + le(zip64 ? 0xFFFF_FFFF : 0, 4) + name + extra
        let end =
            le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(1, 2) + le(1, 2) + le(central.count, 4)
            + le(local.count, 4) + le(0, 2)
        return local + central + end
    }

    /// Imports `bytes` as `t.zip` in a fresh folder: the rows read, or the error, which must be
    /// located in the archive (line 1, column 1: it is about the file as a whole).
    static func importZip(_ bytes: [UInt8]) throws -> Result<Int, InputError> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gdelt-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            return .success(try GDELTImporter.importFiles([path]).summary.rowsRead)
        } catch let error as InputError {
            #expect(error.diagnostics.allSatisfy { $0.file == path && $0.line == 1 && $0.column == 1 }, "\(error.report)")
            #expect(error.code == .unreadable)
            return .failure(error)
        }
    }

    static func message(_ result: Result<Int, InputError>) -> String? {
        if case .failure(let error) = result { return error.message }
        return nil
    }

    @Test func theRebuiltSampleReadsItsSixRows() throws {
        // The control for the damaged archives below: the builder makes a good archive.
        let s = try Self.sampleEntry()
        let good = Self.archive(name: s.name, method: 8, data: s.deflated, crc32: s.crc32, size: s.size)
        #expect(try Self.importZip(good) == .success(6))
        let stored = Self.archive(name: s.name, method: 0, data: try Self.sampleCSV(), crc32: s.crc32, size: s.size)
        #expect(try Self.importZip(stored) == .success(6))
    }

    @Test func zip64SizesAndOffsetInTheCentralDirectoryAreFollowed() throws {
        // The local header is at offset 16; read as a 32-bit field, 0xFFFFFFFF would be past the end.
        let s = try Self.sampleEntry()
        let zip64 = Self.archive(name: s.name, method: 8, data: s.deflated, crc32: s.crc32, size: s.size, zip64: true)
        #expect(zip64.count == Self.archive(name: s.name, method: 8, data: s.deflated, crc32: s.crc32, size: s.size).count + 16 + 28)
        #expect(try Self.importZip(zip64) == .success(6))
    }

    @Test(arguments: [1, 2, 100, 277])
    func aDeflateStreamCutShortIsRefused(kept: Int) throws {
        // The entry's compressed size says `kept` bytes and they end mid-stream; the central
        // directory follows. ZIPFoundation inflated on into the directory and the end of the file.
        let s = try Self.sampleEntry()
        let cut = Self.archive(name: s.name, method: 8, data: Array(s.deflated.prefix(kept)), crc32: s.crc32, size: s.size)
        #expect(
            Self.message(try Self.importZip(cut))
                == "the compressed data of 'sample-v2.export.CSV' ends before its deflate stream does: the archive is truncated or corrupt")
    }

    @Test func storedDataCutShortIsRefused() throws {
        // The central directory records 981 stored bytes; 500 are there before it.
        let s = try Self.sampleEntry()
        var bytes = Self.archive(name: s.name, method: 0, data: Array(try Self.sampleCSV().prefix(500)), crc32: s.crc32, size: s.size)
        for offset in [18, 22] { bytes.replaceSubrange(offset..<(offset + 4), with: [0xD5, 0x03, 0, 0]) } // local sizes: 981
        let central = 30 + s.name.count + 500
        for offset in [central + 20, central + 24] { bytes.replaceSubrange(offset..<(offset + 4), with: [0xD5, 0x03, 0, 0]) }
        #expect(
            Self.message(try Self.importZip(bytes))
                == "the stored data of 'sample-v2.export.CSV' ends before its size (981 bytes) does: the archive is truncated or corrupt")
    }

    @Test func aCRC32MismatchIsRefused() throws {
        let s = try Self.sampleEntry()
        let wrong = Self.archive(name: s.name, method: 8, data: s.deflated, crc32: s.crc32 ^ 1, size: s.size)
        let expected = String(format: "%08x", s.crc32 ^ 1), actual = String(format: "%08x", s.crc32)
        #expect(
            Self.message(try Self.importZip(wrong))
                == "the data of 'sample-v2.export.CSV' does not match its CRC32 (the archive records 0x\(expected), the data gives 0x\(actual)): the archive is corrupt"
        )
    }

    @Test func bytesThatAreNotDeflateAreRefused() throws {
        // 0xFF: a final block of the reserved type 3.
        let s = try Self.sampleEntry()
        let bad = Self.archive(name: s.name, method: 8, data: [0xFF] + s.deflated.dropFirst(), crc32: s.crc32, size: s.size)
        #expect(
            Self.message(try Self.importZip(bad))
                == "the compressed data of 'sample-v2.export.CSV' is not a valid deflate stream (invalid block type): the archive is corrupt")
    }

    @Test func anotherCompressionMethodIsRefusedByNumber() throws {
        let s = try Self.sampleEntry()
        let bzip2 = Self.archive(name: s.name, method: 12, data: s.deflated, crc32: s.crc32, size: s.size)
        #expect(
            Self.message(try Self.importZip(bzip2))
                == "'sample-v2.export.CSV' is compressed with method 12; only stored (0) and deflate (8) entries are read")
    }

    @Test(arguments: [1, 3, 64, 980, 1 << 20])
    func anyChunkSizeGivesTheSameBytes(chunkSize: Int) throws {
        // Small chunks make zlib run out of input and of output space over and over.
        let file = try ZipFile(path: try gdeltFixture("sample-v2.export.CSV.zip"))
        let locations = try ZipEntryLocation.all(in: file)
        try #require(locations.count == 1)
        let (start, method) = try locations[0].data(in: file, name: "sample-v2.export.CSV")
        var bytes: [UInt8] = [], calls = 0
        try ZipEntryReader(path: file.path, name: "sample-v2.export.CSV", chunkSize: chunkSize)
            .read(file, start: start, method: method, compressedSize: locations[0].compressedSize, checksum: locations[0].crc32) {
                bytes += $0
                calls += 1
            }
        #expect(bytes == (try Self.sampleCSV()))
        #expect(calls >= (bytes.count + chunkSize - 1) / chunkSize)
    }
}
