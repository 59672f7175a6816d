import ActorGraphIO
import Foundation
import Testing

/// The project's reference data beside the package (`../shared`), present on the development
/// machine and absent in a fresh clone: tests that need it are skipped with this reason.
enum SharedData {
    static let folder = SeedDatasetTests.root.deletingLastPathComponent().appendingPathComponent("shared")
    static let cameo = folder.appendingPathComponent("data/cameo")
    static let seeds = folder.appendingPathComponent("seeds")
    static func exists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
    static var hasCAMEO: Bool { exists(cameo) }
    static var hasSeeds: Bool { exists(seeds) }
}

/// The CAMEO tables shipped as a resource of ActorGraphIO, and their QuadClass families.
@Suite struct CAMEOCatalogTests {
    /// Values read off the two tables by hand (CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt).
    @Test(arguments: [
        ("010", "Make statement, not specified below", 0.0, CAMEOQuadClass.verbalCooperation),
        ("0242", "Appeal for policy change", -0.3, .verbalCooperation),
        ("036", "Express intent to meet or negotiate", 4.0, .verbalCooperation),
        ("042", "Make a visit", 1.9, .verbalCooperation),
        ("061", "Cooperate economically", 6.4, .materialCooperation),
        ("094", "Investigate war crimes", -2.0, .materialCooperation),
        ("125", "Reject proposal to meet, discuss, or negotiate", -5.0, .verbalConflict),
        ("1313", "Threaten to reduce or break relations", -5.8, .verbalConflict),
        ("163", "Impose embargo, boycott, or sanctions", -8.0, .materialConflict),
        ("1711", "Confiscate property", -9.2, .materialConflict),
        ("2042", "Detonate nuclear weapons", -10.0, .materialConflict),
    ])
    func theShippedTablesGiveDescriptionGoldsteinAndFamily(
        code: String, description: String, goldstein: Double,
        family: CAMEOQuadClass
    ) throws {
        let cameo = try CAMEOCatalog.shipped()
        #expect(cameo.description(of: code) == description)
        #expect(cameo.goldstein(of: code) == goldstein)
        #expect(cameo.quadClass(of: code) == family)
        #expect(cameo.entry(code)?.code == code)
    }

    @Test func theShippedTablesAreComplete() throws {
        let cameo = try CAMEOCatalog.shipped()
        #expect(cameo.codes.count == 311) // 312 lines, one header
        #expect(cameo.codes.first == "01" && cameo.codes.last == "2042")
        #expect(cameo.entry("42") == nil && cameo.entry("21") == nil) // leading zeros matter
        #expect(CAMEOCatalog.shippedText("PROVENANCE.md")?.contains("e009a80") == true)
    }

    @Test(arguments: [("01", 1), ("05", 1), ("0599", 1), ("06", 2), ("09", 2), ("10", 3), ("14", 3), ("15", 4), ("20", 4), ("204", 4)])
    func quadClassFamiliesFollowGDELT(code: String, family: Int) {
        #expect(CAMEOQuadClass(code: code)?.rawValue == family)
    }

    @Test(arguments: ["", "0", "4", "00", "21", "99", "04a", "12345", " 04", "٠٤"])
    func malformedCodesHaveNoFamily(code: String) {
        #expect(CAMEOQuadClass(code: code) == nil)
    }

    @Test func badTablesAreLocatedErrors() throws {
        let codes = "CODE\tDESC\n042\tMake a visit\n4x\tNonsense\n043\tHost a visit\n"
        let scale = "CODE\tVALUE\n042\t1.9\n043\thigh\n"
        let error = try #require(throws: InputError.self) { try CAMEOCatalog(eventCodes: codes, goldsteinScale: scale) }
        #expect(
            error.diagnostics.map(\.description) == [
                "CAMEO.goldsteinscale.txt:3:5: error: 'high' is not a Goldstein value in -10...10",
                "CAMEO.eventcodes.txt:3:1: error: '4x' is not a CAMEO code",
                "CAMEO.eventcodes.txt:4:1: error: code 043 has no Goldstein value in CAMEO.goldsteinscale.txt",
            ])
    }

    /// The compiled-in text is the files under `CAMEO/Resources/`, byte for byte (regenerate with
    /// `scripts/embed-cameo.py`).
    @Test(arguments: ["CAMEO.eventcodes.txt", "CAMEO.goldsteinscale.txt", "PROVENANCE.md"])
    func theCompiledInTextEqualsTheShippedFiles(name: String) throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ActorGraphIO/CAMEO/Resources/\(name)")
        #expect(Data(try #require(CAMEOCatalog.shippedText(name)).utf8) == (try Data(contentsOf: file)))
    }

    /// The shipped copies are the project's reference tables, byte for byte.
    @Test(
        .enabled(if: SharedData.hasCAMEO, "needs the reference tables in ../shared/data/cameo beside the package"),
        arguments: ["CAMEO.eventcodes.txt", "CAMEO.goldsteinscale.txt"])
    func theShippedCopiesEqualTheReferenceTables(name: String) throws {
        let shipped = try #require(CAMEOCatalog.shippedText(name))
        #expect(Data(shipped.utf8) == (try Data(contentsOf: SharedData.cameo.appendingPathComponent(name))))
    }
}
