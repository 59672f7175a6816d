// libFuzzer target: the GraphML reader.
import ActorGraphIO

/// One input: any bytes read as GraphML named `fuzz.graphml` must give a document or a located
/// ``InputError``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphML(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzContract.data(bytes, count)
    FuzzContract.valueOrLocatedError(file: "fuzz.graphml") { try GraphMLReader.readDocument(data: data, name: "fuzz.graphml") }
    return 0
}
