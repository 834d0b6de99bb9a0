import Foundation
import PilotModel
import Simulator

/// `--format json`: one object with the run's identity, the summary.csv rows as objects, and the
/// joint probabilities.
public enum JSONReport {
    struct Document: Encodable {
        let provenance: Provenance?
        let scenario: String
        let runs: Int
        let seed: UInt64
        let generator: String
        let targets: [[String: Field]]
        let joint: Joint
    }

    struct Joint: Encodable {
        let byDeadline: [Probability]
        let overall: Probability?

        enum CodingKeys: String, CodingKey { case byDeadline = "by_deadline", overall }
    }

    struct Probability: Encodable {
        let deadline: String?
        let targets: [String]
        let p: Double
        let ciLow: Double
        let ciHigh: Double

        enum CodingKeys: String, CodingKey { case deadline, targets, p, ciLow = "ci_low", ciHigh = "ci_high" }
    }

    /// A summary field: a number where summary.csv has a number, text where it has text, null where it is empty.
    enum Field: Encodable {
        case number(Double), text(String), null

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let x): try container.encode(x)
            case .text(let s): try container.encode(s)
            case .null: try container.encodeNil()
            }
        }
    }

    static let numericColumns: Set<String> = ["threshold", "p_met", "ci_low", "ci_high", "median", "p05", "p95", "never_share"]

    public static func render(_ summary: SimulationSummary, scenario: String, runs: Int, seed: UInt64, provenance: Provenance? = nil) throws -> String {
        let targets = SummaryCSV.rows(summary).map { row in
            Dictionary(
                uniqueKeysWithValues: zip(SummaryCSV.header, row).map { key, value -> (String, Field) in
                    if value.isEmpty { return (key, .null) }
                    if numericColumns.contains(key), let x = Double(value) { return (key, .number(x)) }
                    return (key, .text(value))
                })
        }
        func probability(_ joint: JointProbability) -> Probability {
            // Numbers as the CSV writes them (15 significant digits, no binary noise).
            func clean(_ x: Double) -> Double { Double(formatNumber(x)) ?? x }
            return Probability(
                deadline: joint.deadline?.description, targets: joint.targetIDs, p: clean(joint.probability),
                ciLow: clean(joint.interval.lowerBound), ciHigh: clean(joint.interval.upperBound))
        }
        let document = Document(
            provenance: provenance, scenario: scenario, runs: runs, seed: seed, generator: Generators.description, targets: targets,
            joint: Joint(
                byDeadline: summary.joint.filter { $0.deadline != nil }.map(probability),
                overall: summary.joint.first { $0.deadline == nil }.map(probability)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
