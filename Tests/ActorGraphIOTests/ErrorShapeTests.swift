import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// Every error of the file formats has one shape (code, message, location, report), and the
/// report is the text the tool printed before the shape existed.
@Suite struct ErrorShapeTests {
    @Test func fileErrorsTakeTheirCodeFromTheSystem() throws {
        let missing = "/nonexistent/\(UUID().uuidString).graphml"
        #expect { try GraphMLReader.read(path: missing) } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.code == .notFound && error.location == missing
                && error.report == "\(missing): error: no such file" && error.description == error.report
                && error.reason == error.message
        }
        #expect { try GraphMLReader.read(path: "/tmp") } throws: { error in
            (error as? FileError)?.code == .isDirectory
        }
        #expect(FileError.Code(errno: EACCES) == .permissionDenied)
        #expect(FileError.Code(errno: ENOTDIR) == .notADirectory)
        #expect(FileError.Code(errno: EIO) == .other)
    }

    @Test func inputErrorsReportEveryDiagnosticAndLocateTheFirst() throws {
        let text = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph><node/><node/></graph></graphml>"
        #expect { try GraphMLReader.read(data: Data(text.utf8), name: "g.graphml") } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.code == .malformed && error.diagnostics.count == 2
                && error.location == "g.graphml:1:63" && error.message == "<node> without an id attribute"
                && error.report == error.diagnostics.map(\.description).joined(separator: "\n")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).yaml").path
        try Data([0x61, 0x3A, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect { try DatasetReader.read(path: path) } throws: { error in
            (error as? InputError)?.code == .unreadable
        }
    }

    @Test func exportErrorsNameTheirReasonAndHaveNoLocation() {
        var b = GraphBuilder(directed: false)
        b.addNode("bell\u{07}")
        #expect { try GraphMLWriter.string(for: b.build()) } throws: { error in
            guard let error = error as? ExportError else { return false }
            return error.code == .unrepresentableCharacter && error.location == nil
                && error.report == "error: node 'bell\u{07}' holds the character U+7, which XML 1.0 cannot represent"
        }
        var mixed = GraphBuilder(directed: false)
        let e = mixed.addEdge(from: "a", to: "b")
        mixed.setEdgeAttribute(e, "x", 1)
        mixed.setEdgeText(e, "x", "one")
        #expect { try CSVGraphWriter.files(for: mixed.build()) } throws: { error in
            (error as? ExportError)?.code == .mixedColumnTypes
        }
    }

    @Test func datasetErrorCodesKeepTheirNames() {
        let error = DatasetError(.duplicateID, "duplicate actor id 'a'")
        #expect(error.code.description == "duplicateID" && error.code.rawValue == "duplicateID")
        #expect(error.description == "duplicate actor id 'a'" && error.report == "error: duplicate actor id 'a'")
        #expect(error.code != .unknownReference)
    }
}
