// libFuzzer target: the dataset reader on YAML text (Fuzz/README.md).
import ActorGraphIO

/// One input: any bytes read as a dataset file named `fuzz.yaml` must give a ``Dataset`` or a
/// located ``InputError`` (invalid UTF-8 is refused before the reader, as the file reader does).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasetYAML(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = FuzzContract.text(bytes, count) else { return 0 }
    FuzzContract.valueOrLocatedError(file: "fuzz.yaml") { try DatasetReader.read(text: text, file: "fuzz.yaml") }
    return 0
}
