/// The months a scenario runs and the stages that tile them (docs/model.md §1).
public struct ScenarioCalendar: Sendable {
    public struct Stage: Sendable, Equatable {
        public var id: String
        public var from: Month
        public var to: Month
    }

    public var start: Month
    public var end: Month
    public var stages: [Stage]
    /// For month offset `t` (0 = `start`), the index of its stage.
    public let stageIndexOfMonth: [Int]

    /// - Precondition: `stages` tile `start...end` in order (the decoder checks this).
    init(start: Month, end: Month, stages: [Stage]) {
        self.start = start
        self.end = end
        self.stages = stages
        stageIndexOfMonth = (0...start.distance(to: end)).map { offset in
            let month = start.advanced(by: offset)
            return stages.firstIndex { $0.from <= month && month <= $0.to }!
        }
    }

    public var monthCount: Int { stageIndexOfMonth.count }

    public func month(at offset: Int) -> Month { start.advanced(by: offset) }

    /// Month offset of `month` from `start`.
    public func offset(of month: Month) -> Int { start.distance(to: month) }

    public func contains(_ month: Month) -> Bool { start <= month && month <= end }

    /// The plan's four stages (docs/model.md §1), used when a scenario gives none.
    static let planStages: [Stage] = [
        Stage(id: "preparation", from: Month(year: 2023, month: 1), to: Month(year: 2023, month: 6)),
        Stage(id: "launch", from: Month(year: 2023, month: 7), to: Month(year: 2023, month: 12)),
        Stage(id: "expansion", from: Month(year: 2024, month: 1), to: Month(year: 2025, month: 6)),
        Stage(id: "deepening", from: Month(year: 2025, month: 7), to: Month(year: 2025, month: 12)),
    ]
}
