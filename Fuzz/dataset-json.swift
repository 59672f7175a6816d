// libFuzzer target: the dataset reader on JSON text, and the canonical writers' round trip.
import ActorGraphCore
import ActorGraphIO

/// One input: any bytes read as a dataset file named `fuzz.json` must give a ``Dataset`` or a
/// located ``InputError``. A dataset read is then written canonically (``DatasetCanonicalWriter``),
/// as JSON and as YAML; each text must read back, and the JSON written from the read-back JSON
/// must be the same text (the writer's promise: converting the output again gives the same bytes).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasetJSON(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = FuzzContract.text(bytes, count) else { return 0 }
    guard let dataset = FuzzContract.valueOrLocatedError(file: "fuzz.json", { try DatasetReader.read(text: text, file: "fuzz.json") })
    else { return 0 }
    let json = DatasetCanonicalWriter.string(for: dataset, format: .json)
    let yaml = DatasetCanonicalWriter.string(for: dataset, format: .yaml)
    let again: Dataset
    do {
        again = try DatasetReader.read(text: json, file: "canonical.json")
        _ = try DatasetReader.read(text: yaml, file: "canonical.yaml")
    } catch {
        fatalError("contract: the canonical text of a dataset read does not read back: \(error)")
    }
    guard DatasetCanonicalWriter.string(for: again, format: .json) == json else {
        fatalError("contract: the canonical JSON of a dataset read changes when read and written again")
    }
    return 0
}
