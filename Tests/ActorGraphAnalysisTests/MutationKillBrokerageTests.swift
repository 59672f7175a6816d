import ActorGraphAnalysis
import ActorGraphCore
import Testing

/// Boundaries of the brokerage rules that scripts/mutation.sh moves by one (a day, a side) or
/// turns around; the expected findings follow from the rules of ``EventBrokerageOptions`` on
/// hand-made sequences in ``BrokerageWorld``.
@Suite struct MutationKillBrokerageTests {
    typealias W = BrokerageWorld

    /// Rule 2: a standing relation holds "from its `from` date on", so it is already a prior
    /// tie on that very day, as an event on the day of B - C is.
    @Test func aStandingRelationTiesFromItsFirstDay() throws {
        let d = try W.dataset([])
        var ties = PriorTies(dataset: d, representative: d.actors.indices.map { ActorID($0) })
        let day = try #require(EventDate("2020-01-20")).start
        ties.addStanding(W.actor("k1"), W.actor("j1"), since: day)
        #expect(ties.tie(W.actor("k1"), W.actor("j1"), by: day.daysSinceEpoch) == .standing)
        #expect(ties.tie(W.actor("j1"), W.actor("k1"), by: day.daysSinceEpoch - 1) == nil)
    }

    /// ``EventBrokerageOptions/maxSides`` is the most sides an event may have: an event with
    /// exactly that many gives its findings; one more side and it is skipped.
    @Test func anEventWithExactlyMaxSidesIsPaired() throws {
        let summit = [W.event("deal", "2020-03", ["k1", "j1", "u1"], broker: "x1")]
        let (three, _) = try W.find(summit, EventBrokerageOptions(maxSides: 3))
        #expect(three.findings.count == 3 && three.skipped.isEmpty)
        let (two, _) = try W.find(summit, EventBrokerageOptions(maxSides: 2))
        #expect(two.findings.isEmpty && two.skipped.map(\.sides) == [3])
    }

    /// Rule 3 picks the earliest B - C: u1 met k1 (Jan 10), j1 (Jan 20), k1 again (Jan 30),
    /// and k1 - j1 met on Feb 5. Both k1 -> j1 (Jan 10, Jan 20) and j1 -> k1 (Jan 20, Jan 30)
    /// are closed two-paths of one relation; the one finding is the earlier, k1 -> j1.
    @Test func theEarliestTwoPathOfARelationIsKept() throws {
        let (r, d) = try W.find([
            W.event("u-k", "2020-01-10", ["u1", "k1"]),
            W.event("u-j", "2020-01-20", ["u1", "j1"]),
            W.event("u-k-again", "2020-01-30", ["u1", "k1"]),
            W.event("k-j", "2020-02-05", ["k1", "j1"]),
        ])
        #expect(W.lines(r.findings, d) == ["temporal asserted u1: k1 - j1 [u-k, u-j, k-j] liaison"])
    }

    /// Rule 3 orders contacts on the same day ("the last possible day of the first <= the first
    /// possible day of the second"), for asserted findings as for candidates: u1 met k1 and j1
    /// on one day, and k1 - j1 met two weeks later, so u1 brokered k1 - j1 (one relation).
    @Test func sameDayContactsMakeAClosedBrokerage() throws {
        let (r, d) = try W.find([
            W.event("u-k", "2020-01-10", ["u1", "k1"]),
            W.event("u-j", "2020-01-10", ["u1", "j1"]),
            W.event("k-j", "2020-01-24", ["k1", "j1"]),
        ])
        let f = try #require(r.findings.first)
        #expect(r.findings.count == 1 && f.basis == .temporal && f.status == .asserted)
        #expect(d[f.broker].id == "u1" && Set([d[f.from].id, d[f.to].id]) == ["k1", "j1"])
        #expect(f.events.map { d[$0].id }.last == "k-j")
    }

    /// Rule 2: membership ties two actors when either belongs to the other (the leader heads
    /// the union by a role; k1 belongs to Korea by affiliation), asked in either order.
    @Test func membershipTiesInEitherOrder() throws {
        let d = try W.dataset([])
        let ties = PriorTies(dataset: d, representative: d.actors.indices.map { ActorID($0) })
        let day = try #require(EventDate("2020-01-20")).start.daysSinceEpoch
        for (x, y) in [("union", "leader"), ("leader", "union"), ("korea", "k1"), ("k1", "korea")] {
            #expect(ties.tie(W.actor(x), W.actor(y), by: day) == .membership, "\(x) - \(y)")
            #expect(ties.isMembership(W.actor(x), W.actor(y)), "\(x) - \(y)")
        }
        #expect(ties.tie(W.actor("k1"), W.actor("j1"), by: day) == nil)
    }
}
