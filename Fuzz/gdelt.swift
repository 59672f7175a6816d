// libFuzzer target: the GDELT event-file importer, plain and zipped.
import ActorGraphIO
import Foundation

/// The folder the input is written to (the importer reads files): shared memory when there is
/// some, one per process.
let gdeltFuzzFolder: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let folder = "\(base)/actorgraph-fuzz-gdelt-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}()

/// One input: the bytes are a GDELT export file, `fuzz.zip` when they start with `PK` (a zip
/// archive, listed by ZIPFoundation, each entry read by ActorGraph's `ZipEntryReader`) or else
/// `fuzz.tsv`, read with options chosen by the input length (strict or not, actors by code or
/// by name, each weight). Reading must give rows kept or rejected with a file and line, or a
/// located ``InputError`` / ``GDELTImportError``; the dataset of the rows kept must then be
/// made without error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGDELT(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzContract.data(bytes, count)
    let isZip = data.starts(with: [0x50, 0x4B])
    let path = "\(gdeltFuzzFolder)/fuzz.\(isZip ? "zip" : "tsv")"
    guard FileManager.default.createFile(atPath: path, contents: data) else { fatalError("cannot write \(path)") }
    defer { unlink(path) }
    var options = GDELTImportOptions()
    options.strict = count % 2 == 1
    options.actorKey = count / 2 % 2 == 1 ? .name : .code
    options.weight = GDELTImportOptions.Weight.allCases[count / 4 % GDELTImportOptions.Weight.allCases.count]
    var importer: GDELTImporter
    do { importer = try GDELTImporter(options: options) } catch { fatalError("the shipped CAMEO tables: \(error)") }
    do {
        try importer.read(path: path)
    } catch let error as InputError {
        FuzzContract.expectLocated(error, file: path)
        return 0
    } catch let error as GDELTImportError {
        guard options.strict, error.problem.line >= 1, error.problem.file.hasPrefix(path) else {
            fatalError("contract: \(path): a GDELTImportError not located, or without --strict: \(error)")
        }
        return 0
    } catch {
        fatalError("contract: \(path): threw \(type(of: error)), not a located error: \(error)")
    }
    for problem in importer.summary.problems where problem.line < 1 || !problem.file.hasPrefix(path) {
        fatalError("contract: \(path): a rejected row not located: \(problem)")
    }
    do { _ = try importer.dataset() } catch { fatalError("contract: \(path): the rows kept make no dataset: \(error)") }
    return 0
}
