import ActorGraphCore
import ActorGraphIO
import Foundation
import Testing

/// The curated datasets under `Graphs/`, checked against their sources.
@Suite struct SeedDatasetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let datasets: [String] = {
        let dir = root.appendingPathComponent("Graphs").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { dir + "/" + $0 }
    }()

    @Test func theSeedDatasetIsBundled() {
        #expect(Self.datasets.contains { $0.hasSuffix("/korea-japan-2020.yaml") })
    }

    /// Every quote occurs word for word in its article (the reader's quote check, plus a direct
    /// search here so the check itself is checked). The articles live beside the package, in
    /// `../shared/seeds`; without them there is nothing to check against.
    @Test(
        .enabled(if: SharedData.hasSeeds, "needs the seed articles in ../shared/seeds beside the package"),
        arguments: datasets)
    func everyQuoteIsVerbatimInItsArticle(path: String) throws {
        let dataset = try DatasetReader.read(path: path, checkQuotes: true)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var texts: [SourceID: String] = [:]
        for (i, source) in dataset.sources.enumerated() {
            let file = try #require(source.file, "source \(source.id) has no file")
            texts[SourceID(i)] = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        }
        var citations = 0
        let cited = dataset.events.map { ($0.id, $0.citations) } + dataset.relations.map { ($0.id, $0.citations) }
        for (id, list) in cited {
            #expect(!list.isEmpty, "\(id) has no citation")
            for c in list {
                #expect(texts[c.source]!.contains(c.quote), "\(id): quote not in \(dataset[c.source].id)")
                citations += 1
            }
        }
        #expect(citations >= dataset.events.count + dataset.relations.count)
    }

    /// Every curated dataset passes the lint: no event kind against its CAMEO family, no ambiguous alias.
    @Test(arguments: datasets)
    func validatesWithoutWarnings(path: String) throws {
        let dataset = try DatasetReader.read(path: path)
        let warnings = try DatasetLint.warnings(for: dataset, path: path)
        #expect(warnings.isEmpty, "\(warnings.map(\.description).joined(separator: "\n"))")
    }

    /// Every tone is the Goldstein value of the event's CAMEO code (the CAMEO table shipped with
    /// ActorGraphIO).
    @Test(arguments: datasets)
    func tonesFollowTheGoldsteinScaleOfTheirCAMEOCodes(path: String) throws {
        let cameo = try CAMEOCatalog.shipped()
        let dataset = try DatasetReader.read(path: path)
        for event in dataset.events {
            guard let code = event.cameo else {
                #expect(event.tone == nil, "\(event.id) has a tone but no CAMEO code")
                continue
            }
            let value = try #require(cameo.goldstein(of: code), "\(event.id): unknown CAMEO code \(code)")
            #expect(event.tone == value, "\(event.id): tone \(String(describing: event.tone)) but CAMEO \(code) is \(value)")
        }
    }

    /// The seed covers what its articles report: the anchor events named when it was commissioned.
    @Test func theSeedHoldsTheAnchorEvents() throws {
        let path = try #require(Self.datasets.first { $0.hasSuffix("/korea-japan-2020.yaml") })
        let d = try DatasetReader.read(path: path)
        #expect(d.sources.count == 5)
        func has(_ year: String, _ kind: EventKind, _ people: [String], broker: String? = nil) -> Bool {
            let ids = people.map { d.actorID(named: $0) }
            return d.events.contains { e in
                e.date.text.hasPrefix(year) && e.kind == kind && ids.allSatisfy { $0.map(e.participants.contains) ?? false }
                    && (broker == nil || e.broker == d.actorID(named: broker!))
            }
        }
        #expect(has("2014", .meeting, ["Shinzo Abe", "Park Geun-hye"], broker: "Barack Obama"))
        #expect(has("2015", .cooperation, ["Japan", "South Korea"]))
        #expect(has("2020-11", .meeting, ["Park Jie-won", "Yoshihide Suga"], broker: "Park Jie-won"))
        #expect(has("2020-09", .meeting, ["Moon Jae-in", "Yoshihide Suga"]))
        #expect(d.events.contains { $0.kind == .dispute && $0.date.text.hasPrefix("2018") })
        #expect(d.events.contains { $0.kind == .dispute && $0.date.text.hasPrefix("2019") })
        #expect(d.events.contains { $0.date.start.description >= "2021-01-01" && $0.kind == .meeting })
        // Spelling variants resolve to one actor.
        #expect(d.actorID(named: "Kang Chang-il") != nil && d.actorID(named: "Kang Chang-il") == d.actorID(named: "Kang Chan-gil"))
        #expect(d[d.actorID(named: "Park Jie-won")!].roles.contains { $0.from?.text.hasPrefix("2020") == true })
    }

    /// The facts issue 12 corrected or added, each read in the articles (the commit of each
    /// change quotes its sentence). Counts were taken from the YAML independently (PyYAML).
    @Test func theSeedStatesTheCorrectedFacts() throws {
        let path = try #require(Self.datasets.first { $0.hasSuffix("/korea-japan-2020.yaml") })
        let d = try DatasetReader.read(path: path)
        struct MissingEvent: Error { let id: String }
        func event(_ id: String) throws -> EventRecord {
            guard let found = d.eventID(forID: id) else { throw MissingEvent(id: id) }
            return d[found]
        }
        func ids(_ actors: [ActorID]) -> Set<String> { Set(actors.map { d[$0].id }) }
        func actor(_ id: ActorID?) -> String? { id.map { d[$0].id } }

        // Counts: 5 sources; 70 actors (32 people, 33 institutions, 5 states); 81 events
        // (19 meetings, 42 statements, 14 disputes, 6 cooperation); 4 relations.
        #expect(d.schemaVersion == 2)
        #expect(d.sources.count == 5 && d.actors.count == 70 && d.events.count == 81 && d.relations.count == 4)
        #expect(ActorKind.allCases.map { k in d.actors.filter { $0.kind == k }.count } == [32, 33, 5])
        #expect(EventKind.allCases.map { k in d.events.filter { $0.kind == k }.count } == [19, 42, 14, 6])

        // Chengdu: the bilateral meeting has exactly Abe and Moon; the trilateral summit is its own event.
        let chengdu = try event("2019-12-abe-moon-meet-in-chengdu")
        #expect(chengdu.kind == .meeting && ids(chengdu.participants) == ["shinzo-abe", "moon-jae-in"])
        let summit = try event("2019-12-china-japan-korea-trilateral-summit-in-chengdu")
        #expect(summit.kind == .meeting && summit.date.text == "2019-12" && ids(summit.participants) == ["china", "shinzo-abe", "moon-jae-in"])
        // The Trump administration's intervention came before Chengdu and addressed both allies.
        let trump = try event("2019-trump-administration-urges-allies-to-end-linkage-politics")
        #expect(actor(trump.source) == "donald-trump" && ids(trump.participants).isSuperset(of: ["japan", "south-korea"]))
        #expect(trump.date.end <= chengdu.date.end && trump.cameo == "027")

        // An intent to visit is not a meeting: Suh Hoon, the planned envoy.
        let suh = try event("2020-11-talks-to-arrange-suh-hoon-visit-to-japan")
        #expect(suh.kind == .statement && suh.cameo == "036" && actor(suh.source) == "suh-hoon")

        // The comfort-women agreement: scrapped in 2018 (CFR); held flawed from 2017 (ST, JT).
        let scrapped = try event("2018-moon-scraps-comfort-women-agreement")
        #expect(scrapped.date.text == "2018" && scrapped.citations.count == 1)
        #expect(scrapped.citations.allSatisfy { !$0.quote.contains("flawed") && !$0.quote.contains("took office") })
        let flawed = try event("moon-government-holds-comfort-women-agreement-flawed")
        #expect(flawed.kind == .statement && flawed.date.text == "2017/2021-02")
        let agreement = try event("2015-comfort-women-agreement")
        #expect(!ids(agreement.participants).contains("shinzo-abe") && ids(agreement.participants).contains("yoshihide-suga"))
        for id in ["2016-reconciliation-and-healing-foundation-established", "2018-reconciliation-and-healing-foundation-dismantled"] {
            #expect(try ids(event(id).participants).contains("japan"), "\(id)")
        }

        // The Obama-era event keeps no quote about 2020 officials bracing for Biden.
        #expect(try event("obama-administration-presses-allies-to-overlook-differences").citations.allSatisfy { !$0.quote.contains("bracing") })

        // Refusals said are statements; no quote that does not speak of the refusal.
        let refusal = try event("2020-11-suga-refuses-summit-unless-liquidation-halted")
        #expect(refusal.kind == .statement && !refusal.citations.contains { $0.quote.contains("nothing has been planned") })
        #expect(try event("north-korea-refuses-denuclearization-talks-after-hanoi").kind == .statement)
        let aloof = try event("2021-02-tokyo-shuns-talks-with-chung-and-kang")
        #expect(aloof.kind == .statement && aloof.cameo != "125" && aloof.date.text == "2021-01/2021-02")

        // Said in the call: the target is Moon.
        let budge = try event("2020-09-suga-says-japan-will-not-budge-on-wartime-labor")
        #expect(actor(budge.target) == "moon-jae-in")
        #expect(try actor(event("2020-09-suga-tells-reporters-he-presses-south-korea").target) == "south-korea")

        // One-sided acts and agreements to set up are statements.
        #expect(try event("2020-11-parliamentarians-agree-on-cooperation-committees").kind == .statement)
        #expect(try event("2020-11-23-kang-chang-il-appointed-ambassador-to-japan").kind == .statement)

        // "Last week", read from the articles' dates (Tue 2020-11-17, Wed 2021-02-17).
        #expect(try event("2020-11-biden-tells-foreign-leaders-america-is-back").date.text == "2020-11-08/2020-11-15")
        #expect(try event("2021-02-seoul-security-officials-agree-to-improve-japan-ties").date.text == "2021-02-07/2021-02-14")

        // The 2018 ruling targets Japanese firms, not the state; courts are the source of both asset cases.
        let ruling = try event("2018-10-supreme-court-orders-japanese-firms-to-compensate-forced-laborers")
        #expect(actor(ruling.source) == "supreme-court-of-korea" && !ids(ruling.participants).contains("japan"))
        #expect(ids(ruling.participants).isSuperset(of: ["nippon-steel", "mitsubishi-heavy-industries"]))
        for id in ["2020-08-south-korea-seizes-nippon-steel-assets", "2020-11-court-serves-mitsubishi-heavy-industries-asset-sale-notices"] {
            let source = try #require(try event(id).source, "\(id) has no source")
            #expect(d[source].kind == .institution && d[source].name.hasPrefix("South Korean court"), "\(id)")
        }

        // The senior working-level talks of October 2020.
        let talks = try event("2020-10-senior-working-level-talks-resume")
        #expect(talks.kind == .meeting && talks.date.text == "2020-10")

        // "Park" is no alias: it would name Park Geun-hye as well.
        #expect(d.actorID(named: "Park") == nil)
        #expect(d.actorID(named: "Park Jie-won") != d.actorID(named: "Park Geun-hye"))

        // Standing ties, as relations.
        func relation(_ kind: RelationKind, _ first: String, _ second: String) -> RelationRecord? {
            d.relations.first { $0.kind == kind && d[$0.first].id == first && d[$0.second].id == second }
        }
        #expect(relation(.envoyOf, "park-jie-won", "moon-jae-in")?.from?.text == "2020-11-09")
        #expect(relation(.friendship, "park-jie-won", "toshihiro-nikai") != nil)
        #expect(relation(.membership, "takeo-kawamura", "nikai-faction") != nil)
        #expect(relation(.envoyOf, "kang-chang-il", "south-korea")?.from?.text == "2020-11-23")
        #expect(d[d.actorID(forID: "nikai-faction")!].affiliation == d.actorID(forID: "liberal-democratic-party"))
    }
}
