public import ActorGraphCore

/// One triangle of signed ties: three actors, the tie of each pair and its sign.
public struct SignedTriangle: Hashable, Sendable {
    /// The three nodes, in ascending `NodeID` order.
    public let nodes: [NodeID]
    /// The edges behind each side, in the order (0-1, 0-2, 1-2) of ``nodes``; several when a pair
    /// has arcs both ways or parallel edges.
    public let sides: [[EdgeID]]
    /// The sign of each side, in the same order.
    public let signs: [Int8]

    /// Balanced when the product of the signs is positive: +++ (friends of friends) or +--
    /// (the enemy of my enemy is my friend).
    public var isBalanced: Bool { signs.reduce(1) { $0 * Int($1) } > 0 }
    /// The number of negative sides (0 to 3).
    public var negatives: Int { signs.filter { $0 < 0 }.count }
}

/// Structural balance of a signed graph: its triangles of signed ties, balanced or not.
public struct BalanceReport: Hashable, Sendable {
    /// Triangles by number of negative sides: [+++, ++-, +--, ---].
    public let byNegatives: [Int]
    /// Triangles with a neutral side, not counted as balanced or unbalanced.
    public let withNeutralSide: Int
    /// The unbalanced triangles (++- and ---), in node order.
    public let unbalanced: [SignedTriangle]
    /// Signed ties (pairs) by sign: positive, negative, neutral.
    public let positivePairs: Int, negativePairs: Int, neutralPairs: Int

    /// Triangles whose three sides are signed.
    public var signedTriangles: Int { byNegatives.reduce(0, +) }
    /// +++ and +-- triangles.
    public var balancedCount: Int { byNegatives[0] + byNegatives[2] }
    /// ++- and --- triangles.
    public var unbalancedCount: Int { byNegatives[1] + byNegatives[3] }
    /// The share of signed triangles that are balanced (Cartwright & Harary's degree of balance
    /// over 3-cycles), NaN when there are none.
    public var balancedShare: Double {
        signedTriangles == 0 ? .nan : Double(balancedCount) / Double(signedTriangles)
    }
}

/// Structural balance after Cartwright & Harary (1956), "Structural balance: a generalization of
/// Heider's theory", over triangles: a triangle is balanced when the product of its three signs is
/// positive.
public enum StructuralBalance {
    /// The balance of `graph` signed by `signs`.
    ///
    /// Ties are read undirected: a pair's sign is the sign of the sum of the values of its edges
    /// (arcs both ways, parallel edges), neutral when that sum is within the neutral threshold;
    /// self-loops are ignored. Every triangle of the pair graph is counted once.
    /// - Complexity: O(m·√m) (triangles listed by the forward algorithm over degree order,
    ///   Schank & Wagner 2005), O(n + m) memory, plus O(t) for t unbalanced triangles.
    public static func analyse(_ graph: Graph, signs: TieSigns) -> BalanceReport {
        precondition(signs.values.count == graph.edgeCount, "one sign per edge")
        // Pairs: (low, high) -> edges, summed value.
        var pairIndex: [UInt64: Int] = [:]
        var pairEnds: [(Int, Int)] = [], pairEdges: [[EdgeID]] = [], pairValue: [Double] = []
        for (i, ends) in graph.edges.enumerated() {
            let u = ends.source.index, v = ends.target.index
            guard u != v else { continue }
            let (a, b) = u < v ? (u, v) : (v, u)
            let key = UInt64(a) << 32 | UInt64(b)
            let value = signs.values[i]
            if let p = pairIndex[key] {
                pairEdges[p].append(EdgeID(i))
                if !value.isNaN { pairValue[p] = pairValue[p].isNaN ? value : pairValue[p] + value }
            } else {
                pairIndex[key] = pairEnds.count
                pairEnds.append((a, b))
                pairEdges.append([EdgeID(i)])
                pairValue.append(value)
            }
        }
        // A single-edge pair keeps that edge's sign (its rule already applied the threshold).
        let pairSign: [Int8] = pairValue.indices.map { p in
            if pairEdges[p].count == 1 { return signs.signs[pairEdges[p][0].index] }
            let v = pairValue[p]
            return v.isNaN || abs(v) <= signs.neutral ? 0 : (v > 0 ? 1 : -1)
        }
        // Forward algorithm: orient each pair from lower to higher (degree, id) rank.
        let n = graph.nodeCount
        var degree = [Int](repeating: 0, count: n)
        for (a, b) in pairEnds { degree[a] += 1; degree[b] += 1 }
        func before(_ x: Int, _ y: Int) -> Bool { (degree[x], x) < (degree[y], y) }
        var out = [[(node: Int, pair: Int)]](repeating: [], count: n)
        for (p, (a, b)) in pairEnds.enumerated() {
            if before(a, b) { out[a].append((b, p)) } else { out[b].append((a, p)) }
        }
        for i in 0..<n { out[i].sort { $0.node < $1.node } }
        var byNegatives = [0, 0, 0, 0], withNeutral = 0
        var unbalanced: [SignedTriangle] = []
        var mark = [Int](repeating: -1, count: n) // pair from the current u to a marked node
        for u in 0..<n {
            for (w, p) in out[u] { mark[w] = p }
            for (v, puv) in out[u] {
                for (w, pvw) in out[v] {
                    let puw = mark[w]
                    guard puw >= 0 else { continue }
                    // Triangle u, v, w: sides in ascending node order.
                    let ordered = [(u, 0), (v, 1), (w, 2)].sorted { $0.0 < $1.0 }
                    let pairOf: [[Int]] = [[-1, puv, puw], [puv, -1, pvw], [puw, pvw, -1]]
                    let sides = [
                        pairOf[ordered[0].1][ordered[1].1], pairOf[ordered[0].1][ordered[2].1],
                        pairOf[ordered[1].1][ordered[2].1],
                    ]
                    let s = sides.map { pairSign[$0] }
                    if s.contains(0) { withNeutral += 1; continue }
                    let triangle = SignedTriangle(nodes: ordered.map { NodeID($0.0) }, sides: sides.map { pairEdges[$0] }, signs: s)
                    byNegatives[triangle.negatives] += 1
                    if !triangle.isBalanced { unbalanced.append(triangle) }
                }
            }
            for (w, _) in out[u] { mark[w] = -1 }
        }
        unbalanced.sort { $0.nodes.map(\.index).lexicographicallyPrecedes($1.nodes.map(\.index)) }
        return BalanceReport(
            byNegatives: byNegatives, withNeutralSide: withNeutral, unbalanced: unbalanced,
            positivePairs: pairSign.filter { $0 > 0 }.count,
            negativePairs: pairSign.filter { $0 < 0 }.count,
            neutralPairs: pairSign.filter { $0 == 0 }.count)
    }
}
