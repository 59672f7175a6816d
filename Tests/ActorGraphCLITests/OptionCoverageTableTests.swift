import Foundation
import Testing

/// The option inventory: every option of every command, read from `actorgraph COMMAND --help`,
/// must map to the test(s) that exercise it. Probes (``OptionCoverageTests/probes``) cover
/// themselves; the table below names the rest: a test function, or `inert:` with the reason
/// the option cannot change that command's output on any input we can give it.
@Suite struct OptionCoverageTableTests {
    /// `"command --option"` to the tests that would fail if the option were ignored, beyond the
    /// probes. An entry starting with `inert:` says why no test can see the option.
    static let table: [String: [String]] = [
        "render --output": [
            "GoldenTests.outputEqualsItsGolden", "OptionCoveragePreciseTests.renderDrawingOptions",
            "RenderHTMLTests.optionsValidForAPage", "RenderHTMLTests.thePageIsWrittenAtomically",
        ],
        "convert --output": ["GoldenTests.outputEqualsItsGolden"],
        "dataset --format": ["inert: json is its only value (the JSON is the golden dataset.json)"],
        // Options that cannot change a command's answer are refused (usage errors), never ignored.
        "brokerage --aggregate": ["OptionPromisesTests.refusedWithAReason"],
        "brokerage --half-life": ["OptionPromisesTests.refusedWithAReason"],
        "brokerage --layers": ["OptionPromisesTests.refusedWithAReason"],
        "brokerage --directed-csv": ["OptionPromisesTests.refusedWithAReason"],
        "structural-holes --directed-csv": ["OptionPromisesTests.refusedWithAReason"],
        "components --aggregate": ["OptionPromisesTests.refusedWithAReason"],
        "components --half-life": ["OptionPromisesTests.refusedWithAReason"],
        "components --layers": ["OptionPromisesTests.refusedWithAReason"],
        "balance --aggregate": ["OptionPromisesTests.refusedWithAReason"],
        "balance --half-life": ["OptionPromisesTests.refusedWithAReason"],
        "balance --layers": ["OptionPromisesTests.refusedWithAReason"],
        "balance --directed": ["OptionPromisesTests.refusedWithAReason"],
        "balance --directed-csv": ["OptionPromisesTests.refusedWithAReason"],
        "balance --sign-rule": ["BalanceCommandTests.signRuleNeutralTopAndSignColumnChangeTheAnswer"],
        "balance --neutral": ["BalanceCommandTests.signRuleNeutralTopAndSignColumnChangeTheAnswer"],
        "balance --top": ["BalanceCommandTests.signRuleNeutralTopAndSignColumnChangeTheAnswer"],
        "balance --sign-column": ["BalanceCommandTests.graphFilesAreSignedByAColumn"],
        "edges --signed": ["BalanceCommandTests.edgesSignedAddsToneAndSignAndLayersSplitByTone"],
        "edges --layer": ["BalanceCommandTests.edgesSignedAddsToneAndSignAndLayersSplitByTone"],
        "edges --sign-rule": ["BalanceCommandTests.signRuleNeutralTopAndSignColumnChangeTheAnswer"],
        "edges --neutral": ["BalanceCommandTests.signRuleNeutralTopAndSignColumnChangeTheAnswer"],
        "render --signed": ["BalanceCommandTests.renderSignedDrawsNegativeTiesDashed"],
        "render --sign-rule": ["BalanceCommandTests.signRuleNeutralTopAndSignColumnChangeTheAnswer"],
        "render --sign-column": ["BalanceCommandTests.signRuleNeutralTopAndSignColumnChangeTheAnswer"],
        "render --ego": ["RenderViewsTests.egoShowsTheActorsNeighboursAndEachTiesEvents", "GoldenTests.outputEqualsItsGolden"],
        "render --depth": ["RenderViewsTests.egoShowsTheActorsNeighboursAndEachTiesEvents"],
        "render --brokerage": ["RenderViewsTests.brokerageShowsOnePanelPerAssertedBrokerageWithDatedEvents", "GoldenTests.outputEqualsItsGolden"],
        "render --timeline": ["RenderViewsTests.timelineHasOneRowPerActorAndOneColumnPerEventInDateOrder", "GoldenTests.outputEqualsItsGolden"],
        // --threads must never change the output: the test shows 1 and 3 threads print the same bytes.
        "centrality --threads": ["OptionCoveragePreciseTests.centralityThreadsNeverChangeTheScores"],
        "brokerage --time": ["TimeFlagTests.timeReportsWhereTheTimeWentAndChangesNothingElse"],
        "structural-holes --time": ["TimeFlagTests.timeReportsWhereTheTimeWentAndChangesNothingElse"],
        "brokers --time": ["TimeFlagTests.timeReportsWhereTheTimeWentAndChangesNothingElse"],
        "centrality --time": ["TimeFlagTests.timeReportsWhereTheTimeWentAndChangesNothingElse"],
        "communities --time": ["TimeFlagTests.timeReportsWhereTheTimeWentAndChangesNothingElse"],
        "components --time": ["TimeFlagTests.timeReportsWhereTheTimeWentAndChangesNothingElse"],
        "balance --time": ["TimeFlagTests.timeReportsWhereTheTimeWentAndChangesNothingElse"],
        "render --time": ["TimeFlagTests.timeReportsWhereTheTimeWentAndChangesNothingElse"],
        "communities --threads": ["OptionCoveragePreciseTests.communitiesThreadsNeverChangeThePartition"],
        "validate --quotes-root": ["DatasetCommandsTests.quotesRootBoundsWhichFilesAQuoteCheckReads"],
        // `import` is a group: its options are those of `import gdelt`, tested in ImportCommandTests.
    ]

    /// Options every command has that belong to argument-parser.
    static let builtIn: Set<String> = ["--help", "--version"]

    static func commands() throws -> [String] {
        let help = try CLI.run(["--help"]).stdout
        guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
        return help[start.upperBound...].split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            // "  name   description": two spaces, the name, then at least two spaces.
            guard line.hasPrefix("  "), line.dropFirst(2).first != " ", let first = words.first,
                first.allSatisfy({ $0.isLetter || $0 == "-" }), line.dropFirst(2 + first.count).hasPrefix("  ")
            else { return nil }
            return String(first)
        }.filter { $0 != "help" }
    }

    /// The long names of a command's options, from its help (`-o, --output <output>` gives
    /// `--output`; `--normalized/--no-normalized` stays whole).
    static func options(of command: String) throws -> [String] {
        let help = try CLI.run([command, "--help"]).stdout
        return help.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard line.hasPrefix("  "), line.count - trimmed.count <= 2 else { return nil }
            let token = trimmed.hasPrefix("-") && !trimmed.hasPrefix("--") ? trimmed.drop { $0 != " " }.dropFirst() : trimmed
            guard token.hasPrefix("--") else { return nil }
            return String(token.prefix { $0 != " " })
        }.filter { !builtIn.contains($0) }
    }

    static var probed: Set<String> {
        Set(OptionCoverageTests.probes.flatMap { probe in probe.covers.map { "\(probe.command) \($0)" } })
    }

    @Test func everyOptionOfEveryCommandIsCovered() throws {
        let commands = try Self.commands()
        #expect(commands.count == 15, "\(commands)")
        var inventory: [String] = []
        for command in commands { inventory += try Self.options(of: command).map { "\(command) \($0)" } }
        #expect(inventory.count > 100, "the help parser found only \(inventory.count) options")
        let uncovered = inventory.filter { !Self.probed.contains($0) && Self.table[$0] == nil }
        #expect(uncovered == [], "options without a test that fails when they are ignored")
        // No entry for an option that no longer exists.
        let stale = Set(Self.table.keys).union(Self.probed).subtracting(inventory)
        #expect(stale.sorted() == [])
        // An option both probed and declared inert would be a contradiction.
        let both = Self.table.filter { $0.value.contains { $0.hasPrefix("inert:") } }.keys.filter(Self.probed.contains)
        #expect(both.sorted() == [])
    }

    /// The tests the table names exist in this target.
    @Test func theTableNamesExistingTests() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let sources = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        for name in Self.table.values.joined() where !name.hasPrefix("inert:") {
            let parts = name.split(separator: ".")
            #expect(parts.count == 2 && sources.contains("struct \(parts[0])") && sources.contains("func \(parts[1])("), "\(name)")
        }
    }
}
