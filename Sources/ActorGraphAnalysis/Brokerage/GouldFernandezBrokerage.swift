public import ActorGraphCore

#if canImport(Glibc)
import func Glibc.sqrt
#elseif canImport(Musl)
import func Musl.sqrt
#elseif canImport(Darwin)
import func Darwin.sqrt
#endif

/// The five brokerage roles of Gould and Fernandez (1989) for a two-path `a -> b -> c` with
/// no tie `a -> c`, seen from the broker `b`.
public enum BrokerageRole: String, Hashable, Sendable, CaseIterable {
    /// `a`, `b` and `c` all in one group (sna's `w_I`).
    case coordinator
    /// `a` and `c` in one group, `b` outside it (`w_O`).
    case itinerant
    /// `b` in `a`'s group, `c` elsewhere: `b` speaks for its group (`b_IO`).
    case representative
    /// `b` in `c`'s group, `a` elsewhere: `b` controls what enters its group (`b_OI`).
    case gatekeeper
    /// `a`, `b` and `c` in three different groups (`b_O`).
    case liaison
}

/// One number per brokerage role, plus the total over all roles.
public struct RoleValues: Hashable, Sendable {
    public var coordinator: Double
    public var itinerant: Double
    public var representative: Double
    public var gatekeeper: Double
    public var liaison: Double
    /// For raw counts the sum of the five roles; for expected values, standard deviations and
    /// z-scores those of the total under the null model (not a sum).
    public var total: Double

    public init(
        coordinator: Double = 0, itinerant: Double = 0, representative: Double = 0,
        gatekeeper: Double = 0, liaison: Double = 0, total: Double = 0
    ) {
        self.coordinator = coordinator
        self.itinerant = itinerant
        self.representative = representative
        self.gatekeeper = gatekeeper
        self.liaison = liaison
        self.total = total
    }

    public subscript(role: BrokerageRole) -> Double {
        get {
            switch role {
            case .coordinator: coordinator
            case .itinerant: itinerant
            case .representative: representative
            case .gatekeeper: gatekeeper
            case .liaison: liaison
            }
        }
        set {
            switch role {
            case .coordinator: coordinator = newValue
            case .itinerant: itinerant = newValue
            case .representative: representative = newValue
            case .gatekeeper: gatekeeper = newValue
            case .liaison: liaison = newValue
            }
        }
    }

    /// The five roles and the total as `(name, value)`, in the order coordinator, itinerant,
    /// representative, gatekeeper, liaison, total.
    public var named: [(String, Double)] {
        BrokerageRole.allCases.map { ($0.rawValue, self[$0]) } + [("total", total)]
    }

    /// `(raw - expected) / sd` role by role, in IEEE arithmetic: a zero standard deviation gives
    /// `nan` (or an infinity), as sna does.
    static func z(_ raw: RoleValues, _ expected: RoleValues, _ sd: RoleValues) -> RoleValues {
        RoleValues(
            coordinator: (raw.coordinator - expected.coordinator) / sd.coordinator,
            itinerant: (raw.itinerant - expected.itinerant) / sd.itinerant,
            representative: (raw.representative - expected.representative) / sd.representative,
            gatekeeper: (raw.gatekeeper - expected.gatekeeper) / sd.gatekeeper,
            liaison: (raw.liaison - expected.liaison) / sd.liaison,
            total: (raw.total - expected.total) / sd.total)
    }
}

/// Options for ``GouldFernandez/brokerage(_:options:)``.
public struct BrokerageOptions: Hashable, Sendable {
    /// The node attribute whose values are the groups (`state`, `kind`, `faction`...).
    public var groupAttribute: String
    /// What to do with nodes that lack the attribute (default: throw).
    public var missingGroup: MissingGroupPolicy

    public init(groupAttribute: String, missingGroup: MissingGroupPolicy = .error) {
        self.groupAttribute = groupAttribute
        self.missingGroup = missingGroup
    }
}

/// Role counts of every node with their expectations and z-scores under the null model, and
/// the same at graph level.
public struct BrokerageScores: Sendable {
    /// The partition the roles refer to.
    public let groups: NodeGroups
    /// The density the null model uses: the number of ties (ordered pairs for a directed
    /// graph, both directions of every undirected edge, plus one per node with a self-loop, as
    /// sna counts the non-zero cells of the adjacency matrix) over `n(n - 1)`.
    public let density: Double
    /// Observed role counts per node (indexed by `NodeID.index`).
    public let raw: [RoleValues]
    /// Expected counts per node under the null model (they depend only on the node's group).
    public let expected: [RoleValues]
    /// Standard deviations per node under the null model.
    public let standardDeviation: [RoleValues]
    /// `(raw - expected) / standardDeviation` per node; `nan` where the deviation is 0.
    public let z: [RoleValues]
    /// Role counts summed over all nodes.
    public let graphRaw: RoleValues
    public let graphExpected: RoleValues
    public let graphStandardDeviation: RoleValues
    public let graphZ: RoleValues
}

/// Gould–Fernandez brokerage roles, with the null model of R's `sna::brokerage`.
///
/// Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
/// brokerage in transaction networks. *Sociological Methodology* 19: 89–126.
public enum GouldFernandez {
    /// Counts, for every node `b`, the two-paths `a -> b -> c` (`a != c`, no tie `a -> c`) by
    /// brokerage role, and compares them with their expectation under a random graph of the
    /// same density.
    ///
    /// Ties are the graph's edges regardless of weight; an undirected edge is a tie in both
    /// directions (as sna sees a symmetric adjacency matrix); parallel edges count once;
    /// self-loops form no two-path but, as in sna, add to the density. Expected values and
    /// variances follow Butts' `sna::brokerage` (sna 2.7): every tie present independently with
    /// probability `d` (the density) and group sizes fixed; a node's expectation depends on its
    /// group's size, the graph-level one on all sizes. z-scores are `(raw - expected) / sd` and
    /// are `nan` where the standard deviation is 0 (a role impossible for the group, `d` of 0 or 1).
    /// The total's expectation and variance are those of all two-paths without a closing tie,
    /// not sums over the roles.
    ///
    /// - Throws: ``AnalysisError`` for an unknown group attribute or nodes without a group
    ///   (unless ``BrokerageOptions/missingGroup`` says how to treat them).
    /// - Complexity: O(Σ_b in(b)·out(b)·log Δ + m log m + n + g) time for n nodes, m edges,
    ///   g groups and largest degree Δ; O(n + m) memory.
    public static func brokerage(_ graph: Graph, options: BrokerageOptions) throws -> BrokerageScores {
        let groups = try NodeGroups(graph: graph, attribute: options.groupAttribute, missing: options.missingGroup)
        return brokerage(graph, groups: groups)
    }

    /// Brokerage roles for an explicit partition (one group number per node).
    /// - Complexity: as ``brokerage(_:options:)``.
    public static func brokerage(_ graph: Graph, groups: NodeGroups) -> BrokerageScores {
        let n = graph.nodeCount
        precondition(groups.groupOfNode.count == n, "NodeGroups must have one group per node")
        let cl = groups.groupOfNode

        // Distinct successors and predecessors, self-loops removed, sorted for binary search.
        var successors = [[Int]](repeating: [], count: n)
        var predecessors = [[Int]](repeating: [], count: n)
        var loops = 0
        for v in 0..<n {
            let node = NodeID(v)
            var out = Set<Int>()
            var hasLoop = false
            for u in graph.outNeighbors(of: node).nodes {
                if u.index == v { hasLoop = true } else { out.insert(u.index) }
            }
            if hasLoop { loops += 1 }
            successors[v] = out.sorted()
            if graph.isDirected {
                predecessors[v] = Set(graph.inNeighbors(of: node).nodes.lazy.map(\.index).filter { $0 != v }).sorted()
            }
        }
        if !graph.isDirected { predecessors = successors }
        let ties = successors.reduce(0) { $0 + $1.count } + loops

        func hasTie(_ a: Int, _ c: Int) -> Bool {
            let list = successors[a]
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if list[mid] < c { lo = mid + 1 } else { hi = mid }
            }
            return lo < list.count && list[lo] == c
        }

        var raw = [RoleValues](repeating: RoleValues(), count: n)
        for b in 0..<n {
            var counts = RoleValues()
            for a in predecessors[b] {
                for c in successors[b] where c != a && !hasTie(a, c) {
                    if cl[a] == cl[b] {
                        if cl[b] == cl[c] { counts.coordinator += 1 } else { counts.representative += 1 }
                    } else if cl[b] == cl[c] {
                        counts.gatekeeper += 1
                    } else if cl[a] == cl[c] {
                        counts.itinerant += 1
                    } else {
                        counts.liaison += 1
                    }
                }
            }
            counts.total = counts.coordinator + counts.itinerant + counts.representative + counts.gatekeeper + counts.liaison
            raw[b] = counts
        }

        let N = Double(n)
        let d = Double(ties) / (N * (N - 1))
        let model = NullModel(density: d, nodes: N, sizes: groups.sizes.map(Double.init))
        var expected = [RoleValues](), sd = [RoleValues](), z = [RoleValues]()
        expected.reserveCapacity(n); sd.reserveCapacity(n); z.reserveCapacity(n)
        let perGroup = (0..<groups.count).map { model.node(group: $0) }
        for v in 0..<n {
            let (e, s) = perGroup[cl[v]]
            expected.append(e); sd.append(s)
            z.append(RoleValues.z(raw[v], e, s))
        }
        var graphRaw = RoleValues()
        for r in raw {
            for role in BrokerageRole.allCases { graphRaw[role] += r[role] }
            graphRaw.total += r.total
        }
        let (ge, gs) = model.graph()
        return BrokerageScores(
            groups: groups, density: d, raw: raw, expected: expected, standardDeviation: sd,
            z: z, graphRaw: graphRaw, graphExpected: ge, graphStandardDeviation: gs,
            graphZ: RoleValues.z(graphRaw, ge, gs))
    }
}

/// The moments of the role counts under sna's null model, for group sizes `n_1...n_g` summing
/// to `N` and tie probability `d`. Sums over other groups are written with power sums so the
/// node level is O(1) per group and the graph level O(g); every sum of sizes is an integer,
/// exact in a `Double` below 2^53.
struct NullModel {
    let d: Double, N: Double
    let sizes: [Double]
    /// d^2(1-d): probability of a two-path a->b->c without a->c.
    let p: Double
    let a3: Double, b4: Double, c5: Double
    let p2: Double, p3: Double

    init(density d: Double, nodes N: Double, sizes: [Double]) {
        self.d = d
        self.N = N
        self.sizes = sizes
        let q = 1 - d
        p = d * d * q
        a3 = d * d * d * q * q * q
        b4 = d * d * d * d * q * q
        c5 = d * d * d * d * d * q
        p2 = sizes.reduce(0) { $0 + $1 * $1 }
        p3 = sizes.reduce(0) { $0 + $1 * $1 * $1 }
    }

    /// Expected values and standard deviations for a node of group `g`.
    func node(group g: Int) -> (RoleValues, RoleValues) {
        let x = sizes[g]
        let S = N - x // members of the other groups
        let Q = p2 - x * x // sum of squared sizes of the other groups
        let R = p3 - x * x * x // sum of cubed sizes of the other groups
        var e = RoleValues(), v = RoleValues()
        e.coordinator = p * (x - 1) * (x - 2)
        v.coordinator = e.coordinator * (1 - p) + 2 * (x - 1) * (x - 2) * (x - 3) * a3
        e.itinerant = p * (Q - S) // sum n_j (n_j - 1)
        v.itinerant = e.itinerant * (1 - p) + 2 * (R - 3 * Q + 2 * S) * a3 // sum n_j (n_j-1)(n_j-2)
        e.representative = p * S * (x - 1)
        v.representative =
            e.representative * (1 - p)
            + 2 * ((x - 1) * (S * (S - 1) / 2) + S * ((x - 1) * (x - 2) / 2)) * a3
        e.gatekeeper = e.representative
        v.gatekeeper = v.representative
        e.liaison = p * (S * S - Q)
        // sum_j n_j * choose(S - n_j, 2) = ((S^2 - S) S - (2S - 1) Q + R) / 2
        v.liaison = e.liaison * (1 - p) + 4 * (((S * S - S) * S - (2 * S - 1) * Q + R) / 2) * a3
        e.total = p * (N - 1) * (N - 2)
        v.total = e.total * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * a3
        return (e, v.squareRoots)
    }

    /// Expected values and standard deviations of the graph-level counts.
    func graph() -> (RoleValues, RoleValues) {
        var e = RoleValues(), v = RoleValues()
        var s1 = 0.0, v1 = 0.0, s2 = 0.0, v2 = 0.0, s3 = 0.0, v3 = 0.0, s5 = 0.0, t0 = 0.0, t1 = 0.0
        for x in sizes {
            let S = N - x, Q = p2 - x * x
            let w = x * (x - 1) * (x - 2)
            s1 += w
            v1 += w * ((4 * x - 10) * a3 - 4 * (x - 3) * b4 + (x - 3) * c5)
            s2 += x * S * (x - 1)
            // sum over other groups y of x y (x-1)((2x + 2y - 6) a3 + (N - x - 1) c5)
            v2 += x * (x - 1) * ((2 * x - 6) * a3 * S + 2 * a3 * Q + (N - x - 1) * c5 * S)
            s3 += x * S * (x - 1)
            v3 += x * S * (x - 1) * ((N - 3) * a3 + (x - 2) * c5)
            s5 += x * ((N - x) * S - Q) // sum over other groups y of x y (N - x - y)
            let pairs = S * S - Q // ordered pairs of distinct other groups: sum n_j n_k
            t0 += x * pairs
            t1 += x * x * pairs
        }
        // Liaison variance: sna sums over ordered triples of distinct groups (i, j, k) of
        // n_i n_j n_k (linear in the sizes); t0 = sum n_i n_j n_k, t1 = sum n_i^2 n_j n_k.
        e.coordinator = p * s1
        v.coordinator = e.coordinator * (1 - p) + v1
        e.itinerant = p * s2
        v.itinerant = e.itinerant * (1 - p) + v2
        e.representative = p * s3
        v.representative = e.representative * (1 - p) + v3
        e.gatekeeper = e.representative
        v.gatekeeper = v.representative
        e.liaison = p * s5
        v.liaison =
            e.liaison * (1 - p)
            + t0 * ((4 * N - 2) * (a3 - b4) + (N - 1) * c5) + t1 * (-8 * a3 + 8 * b4 - 2 * c5)
        let w = N * (N - 1) * (N - 2)
        e.total = p * w
        v.total = e.total * (1 - p) + w * ((4 * N - 10) * a3 - 4 * (N - 3) * b4 + (N - 3) * c5)
        return (e, v.squareRoots)
    }
}

extension RoleValues {
    var squareRoots: RoleValues {
        RoleValues(
            coordinator: sqrt(coordinator), itinerant: sqrt(itinerant), representative: sqrt(representative),
            gatekeeper: sqrt(gatekeeper), liaison: sqrt(liaison), total: sqrt(total))
    }
}
