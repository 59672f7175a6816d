import ActorGraphCore
import ActorGraphIO
import Foundation
import Testing

/// The inputs the fuzzers found (issue 22, `scripts/fuzz.sh`), replayed through the public
/// readers: each must give a value or an ``InputError`` located in the input, never a crash.
/// Every file under `Fuzz/regressions/<target>/` is read, so a new regression is tested by
/// committing its input; the tests below it pin what each input must now say.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The committed inputs of one fuzz target, sorted by name.
    static func inputs(_ target: String) -> [URL] {
        let folder = root.appendingPathComponent("Fuzz/regressions/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The diagnostics of `read` as `LINE:COLUMN: message`, `[]` for a value; records an issue
    /// for any other error or for a diagnostic that is not located in `file`.
    static func problems(file: String, sourceLocation: SourceLocation = #_sourceLocation, _ read: () throws -> Void) -> [String] {
        do {
            try read()
            return []
        } catch let error as InputError {
            #expect(!error.diagnostics.isEmpty, sourceLocation: sourceLocation)
            for d in error.diagnostics {
                #expect(d.file == file && d.line >= 1 && d.column >= 1, "\(d)", sourceLocation: sourceLocation)
            }
            return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        } catch {
            Issue.record("not a located InputError: \(error)", sourceLocation: sourceLocation)
            return ["unexpected"]
        }
    }

    static func graphML(_ bytes: [UInt8]) -> [String] {
        problems(file: "fuzz.graphml") { _ = try GraphMLReader.readDocument(data: Data(bytes), name: "fuzz.graphml") }
    }

    /// What importing the GDELT file at `path` gives, as `problems` does, or `nil` when it has
    /// not finished within `seconds`. It runs on its own thread, so a hang fails the test instead
    /// of stopping the run (the thread is left spinning until the process ends).
    static func gdelt(_ path: String, within seconds: Double = 30) -> [String]? {
        final class Outcome: @unchecked Sendable { // written before `done` is signalled, read after
            var lines: [String] = []
        }
        let outcome = Outcome(), done = DispatchSemaphore(value: 0)
        Thread {
            do {
                _ = try GDELTImporter.importFiles([path])
            } catch let error as InputError {
                outcome.lines = error.diagnostics.map { "\($0.file == path ? "" : $0.file + ":")\($0.line):\($0.column): \($0.message)" }
            } catch {
                outcome.lines = ["not a located InputError: \(error)"]
            }
            done.signal()
        }.start()
        return done.wait(timeout: .now() + seconds) == .success ? outcome.lines : nil
    }

    @Test func theCommittedInputsAreThere() {
        #expect(Self.inputs("graphml").count >= 4)
        #expect(Self.inputs("gdelt").count >= 1)
    }

    @Test(arguments: FuzzRegressionTests.inputs("gdelt"))
    func gdeltInputsFinishWithAValueOrALocatedError(_ input: URL) throws {
        let lines = try #require(Self.gdelt(input.path), "\(input.lastPathComponent) did not finish in 30 s")
        // Located in the input: `LINE:COLUMN: ` from line 1, not another file, not another error.
        #expect(lines.allSatisfy { $0.first?.isNumber == true && !$0.hasPrefix("0:") }, "\(input.lastPathComponent): \(lines)")
    }

    // ZIPFoundation 0.9.20's Linux inflate read past the entry's compressed bytes to the end of
    // the file, then spun on empty reads: `import gdelt` never finished.

    @Test func aDeflateStreamThatRunsPastItsEntryIsRefusedInTime() throws {
        // A mutated copy of the sample archive (416 bytes): its stream does not end within the
        // entry's 278 compressed bytes.
        let path = Self.root.appendingPathComponent("Fuzz/regressions/gdelt/deflate-stream-past-the-entry.zip").path
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 416)
        let lines = try #require(Self.gdelt(path), "did not finish in 30 s")
        #expect(lines == ["1:1: the compressed data of 'sample-v2.export.CSV' ends before its deflate stream does: the archive is truncated or corrupt"])
    }

    @Test(arguments: FuzzRegressionTests.inputs("graphml"))
    func graphMLInputsGiveALocatedError(_ input: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: input))
        #expect(Self.graphML(bytes).count == 1, "\(input.lastPathComponent)")
    }

    // libxml2 2.9.14 crashed (SEGV in xmlSwitchToEncoding / xmlParseChunk) on these: an
    // encoding switched to through iconv, declared or detected, then a byte it cannot decode.

    @Test func aDeclaredUTF8DashThenAnInvalidByteIsRefusedAtTheByte() throws {
        // `<?xml version='1.0' encoding='utf8-'` is 36 characters; 0xFF is the 37th byte.
        let bytes = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("Fuzz/regressions/graphml/declared-utf8-dash-then-invalid-byte.xml")))
        #expect(bytes.count == 37 && bytes.last == 0xFF)
        #expect(Self.graphML(bytes) == ["1:37: a byte that is not UTF-8 (0xFF); GraphML is read as UTF-8 only"])
    }

    @Test func anEBCDICStartIsRefusedAtItsFirstNonUTF8Byte() {
        // EBCDIC `<?xm` is 4C 6F A7 94: 'L', 'o', then 0xA7, which starts no UTF-8 sequence.
        let bytes: [UInt8] = [0x4C, 0x6F, 0xA7, 0x94, 0x40, 0xA5, 0x85, 0x99, 0xFF, 0xFE, 0x00, 0x3C]
        #expect(Self.graphML(bytes) == ["1:3: a byte that is not UTF-8 (0xA7); GraphML is read as UTF-8 only"])
    }

    @Test func aDeclaredEncodingOtherThanUTF8IsRefusedAtItsName() {
        // The name starts after `<?xml version='1.0' encoding='`, 30 characters.
        for name in ["EUC-JP", "u-t-f-8", "UTF-8-", "ebcdic-us", "ISO-8859-1", "UTF-16"] {
            let xml = "<?xml version='1.0' encoding='\(name)'?>\n<graphml><graph/></graphml>\n"
            #expect(
                Self.graphML(Array(xml.utf8)) == [
                    "1:31: the XML declaration names the encoding '\(name)'; GraphML is read as UTF-8 only (convert the file and declare encoding='utf-8')"
                ])
        }
    }

    @Test func utf8AndASCIIDeclarationsStillRead() throws {
        for (name, id) in [("utf-8", "é"), ("UTF-8", "가"), ("UTF8", "é"), ("US-ASCII", "e"), ("ascii", "e")] {
            let xml = "<?xml version=\"1.0\" encoding=\"\(name)\"?>\n<graphml><graph><node id=\"\(id)\"/></graph></graphml>\n"
            let graph = try GraphMLReader.read(data: Data(xml.utf8), name: "t.graphml")
            #expect(graph.nodeNames == [id])
        }
    }

    @Test func aNULByteIsRefusedWhereItIs() {
        let xml = Array("<graphml>\n<graph>".utf8) + [0] + Array("</graph></graphml>".utf8)
        #expect(Self.graphML(xml) == ["2:8: a NUL byte, which XML does not allow; GraphML is read as UTF-8 only"])
    }

    @Test func anInvalidByteAfterMultibyteTextIsLocatedByCharacters() {
        // Line 2 is `<node id="가나"/>` then 0xC3 with no continuation: column 16 in characters.
        let xml = Array("<graphml><graph>\n<node id=\"가나\"/>".utf8) + [0xC3, 0x28] + Array("</graph></graphml>".utf8)
        #expect(Self.graphML(xml) == ["2:16: a byte that is not UTF-8 (0xC3); GraphML is read as UTF-8 only"])
    }

    // Foundation's XMLParser passed a data-less processing instruction's null data to strlen.

    @Test func aProcessingInstructionWithoutDataIsRefusedAtItsStart() throws {
        // The committed input is `<?xmDoublara?>+i` and a byte 0x06: the instruction is at 1:1.
        let bytes = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("Fuzz/regressions/graphml/processing-instruction-without-data.xml")))
        #expect(bytes.starts(with: Array("<?xmDoublara?>".utf8)))
        #expect(Self.graphML(bytes) == ["1:1: a processing instruction without data (<?name?>) is not supported; remove it"])
        let inside = "<graphml>\n  <graph>\n    <?keep?><node id=\"a\"/><?also?>\n  </graph>\n</graphml>\n"
        #expect(
            Self.graphML(Array(inside.utf8)) == [
                "3:5: a processing instruction without data (<?name?>) is not supported; remove it",
                "3:27: a processing instruction without data (<?name?>) is not supported; remove it",
            ])
    }

    @Test func processingInstructionsWithDataAndTextThatLooksLikeOneStillRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <?xml-stylesheet href="a.css"?>
            <graphml><!-- <?not-one?> --><graph><?pi ?><node id="a"/></graph></graphml>

            """
        #expect(try GraphMLReader.read(data: Data(xml.utf8), name: "t.graphml").nodeNames == ["a"])
        let cdata = "<graphml><graph><node id=\"a\"/></graph><desc><![CDATA[<?x?>]]></desc></graphml>"
        #expect(Self.graphML(Array(cdata.utf8)).allSatisfy { !$0.contains("processing instruction") })
    }
}
