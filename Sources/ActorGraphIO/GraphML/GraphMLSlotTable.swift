/// The attribute slots of one kind of GraphML element (nodes, edges, or the graph with its
/// `<graphml>` root): one slot per attribute name, numbered in order of first use, and which
/// slots the element being read has filled, by which key.
///
/// A slot is an attribute name, not a key: several keys may share one `attr.name` (networkx
/// writes `weight` as `long` and as `double`). A second value for one slot in one element is an
/// error, and when the element ends the keys' defaults fill the slots it left empty.
struct GraphMLSlotTable {
    /// The attribute names, by slot.
    private(set) var names: [String] = []
    private var index: [String: Int] = [:]
    /// Slots given a value in the current element, with the key that filled each (`-1` for an
    /// edge's `id` attribute).
    private var filled: [(slot: Int, key: Int)] = []

    /// The slot of attribute `name`, added when it is new.
    mutating func slot(_ name: String) -> Int {
        if let s = index[name] { return s }
        let s = names.count
        names.append(name)
        index[name] = s
        return s
    }

    /// Forgets what the previous element filled: a new element of this kind begins.
    mutating func startElement() {
        filled = []
    }

    /// Whether the current element has a value in `slot`.
    func isFilled(_ slot: Int) -> Bool {
        filled.contains { $0.slot == slot }
    }

    /// Fills the slot of `name` for the current element with a value of `key`. Returns the slot,
    /// and the key that filled it first when it was filled already (then nothing changes).
    mutating func fill(_ name: String, by key: Int) -> (slot: Int, earlierKey: Int?) {
        let slot = slot(name)
        if let first = filled.first(where: { $0.slot == slot }) { return (slot, first.key) }
        filled.append((slot, key))
        return (slot, nil)
    }
}
