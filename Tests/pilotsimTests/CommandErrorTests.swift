import Foundation
import TestSupport
import Testing

/// `validate`, `baseline` and the exit codes: 0 success, 64 bad arguments, 65 invalid scenario.
struct CommandErrorTests {
    @Test func validateAcceptsTheShippedScenarios() throws {
        let files = ["haimen-baseline", "haimen-optimistic", "haimen-pessimistic"].map { repositoryPath("scenarios/\($0).yaml") }
        let output = InProcess.run(["validate"] + files)
        #expect(output.status == 0)
        #expect(output.stdout == files.map { "\($0): ok\n" }.joined())
    }

    @Test func validateReportsEveryErrorOfEveryBrokenFixture() throws {
        let fixture = { (name: String) in repositoryPath("Tests/Fixtures/\(name).yaml") }
        let good = repositoryPath("scenarios/haimen-baseline.yaml")
        let output = InProcess.run("validate", fixture("broken-keys-and-domains"), good, fixture("broken-stage-gap"), fixture("broken-target"))
        #expect(output.status == 65)
        #expect(output.stdout == "\(good): ok\n")
        let keys = fixture("broken-keys-and-domains"), gap = fixture("broken-stage-gap"), target = fixture("broken-target")
        #expect(
            output.stderr == """
                \(keys):8:5: error: wallets.personal.imitation: missing; expected a rate
                \(keys):10:5: error: wallets.personal.imitaton: unknown key; did you mean 'imitation'?
                \(keys):12:28: error: wallets.personal.active_share.normal: a normal distribution can be negative; expected a share in [0, 1]: use beta, or truncated_normal/uniform/triangular/pert with bounds in [0, 1]
                \(gap):8:21: error: calendar.stages[1].from: 2023-07 is in no stage (a gap after stage 'a'); expected from: 2023-07
                \(target):30:21: error: targets[0].metric: unknown metric 'walets'; did you mean 'wallets'?
                \(target):30:33: error: targets[0].by: 2026-12 is outside the calendar; expected 2023-01…2025-12

                """)
    }

    @Test func badArgumentsExit64() throws {
        for arguments in [
            ["run", "--runs", "0"], ["run", "--format", "xml"],
            ["run", "--threads", "0"], ["run", "--seed", "-1"], ["validate"],
        ] {
            let output = InProcess.run(arguments)
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(!output.stderr.isEmpty && output.stdout.isEmpty, "\(arguments)")
        }
        let seed = InProcess.run("run", "--seed", "-1")
        #expect(seed.stderr.hasPrefix("Error: --seed must be a whole number from 0 to 18446744073709551615 (got '-1')\n"))
    }

    /// Every problem with a `--set` argument, its syntax included, is a scenario error located in it.
    @Test func setErrorsAreLocatedInTheArgumentAndExit65() throws {
        let cases = [
            ("no-equals-sign", "--set:1:1: error: 'no-equals-sign' has no '='; expected KEY.PATH=VALUE, e.g. wallets.personal.imitation=0.2\n"),
            ("wallets.personal.imitation={a: [1", "--set:1:34: error: YAML syntax: did not find expected ',' or ']'\n"),
        ]
        for (argument, message) in cases {
            let output = InProcess.run("run", "--runs", "10", "--set", argument)
            #expect(output.status == 65, "\(argument)")
            #expect(output.stderr == message)
            #expect(output.stdout.isEmpty)
        }
    }

    @Test func invalidScenariosExit65() throws {
        let missing = InProcess.run("run", "/nonexistent/scenario.yaml")
        #expect(missing.status == 65)
        #expect(missing.stderr == "/nonexistent/scenario.yaml:1:1: error: no such file; expected a scenario YAML file\n")
        let broken = InProcess.run("run", repositoryPath("Tests/Fixtures/broken-stage-gap.yaml"))
        #expect(broken.status == 65 && broken.stdout.isEmpty)
        #expect(!broken.stderr.contains("Fatal") && !broken.stderr.contains("0x"), "no stack trace")
    }

    @Test func otherFailuresExit1WithoutAStackTrace() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        // --out names a directory inside a regular file: it cannot be created.
        let output = InProcess.run("run", "--prior", "--runs", "50", "--out", blocker.appendingPathComponent("out").path)
        #expect(output.status == 1)
        #expect(output.stderr == "error: cannot write the output files in \(blocker.path)/out: Not a directory\n", "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test func baselinePrintsTheEmbeddedScenario() throws {
        let output = InProcess.run("baseline")
        #expect(output.status == 0)
        #expect(output.stdout == (try String(contentsOfFile: repositoryPath("scenarios/haimen-baseline.yaml"), encoding: .utf8)))
    }
}
