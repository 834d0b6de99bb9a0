import Foundation
import PilotModel

/// One axis of a sweep: a numeric key path and the values it takes.
public struct SweepAxis: Sendable, Equatable, Codable {
    public let path: String
    public let values: [Double]

    public init(path: String, values: [Double]) {
        self.path = path
        self.values = values
    }
}
