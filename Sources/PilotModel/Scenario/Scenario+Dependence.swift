extension Scenario {
    /// Indices (into `parameters`) of the parameters that the first `months` months of a run can
    /// depend on: every parameter that is not a stage's value for a stage starting later, a
    /// campaign's in a later month, or a rate of a milestone outside `milestones` (milestone counts
    /// feed nothing else). A parameter outside this set leaves every metric of those months
    /// unchanged to the bit, because each step draws from its own stream (docs/model.md §3, README
    /// "Random streams").
    public func parametersUsed(inFirst months: Int, milestones: Set<String>) -> Set<Int> {
        let early = calendar.stages.indices.filter { calendar.offset(of: calendar.stages[$0].from) < months }
        var used: Set<Int> = []
        func staged(_ parameter: StagedParameter) { early.forEach { used.insert(parameter[$0].index) } }
        for segment in [personal, corporate] {
            staged(segment.innovation)
            staged(segment.activeShare)
            staged(segment.transactionsPerActive)
            [segment.imitation, segment.merchantPull, segment.ticketMean, segment.ticketCV].forEach { used.insert($0.index) }
            if let share = segment.nonmerchantShare { used.insert(share.index) }
        }
        staged(merchants.outreach)
        used.insert(merchants.walletPull.index)
        used.insert(merchants.churn.index)
        if let flows = publicFlows {
            staged(flows.amount)
            staged(flows.count)
            used.insert(flows.cv.index)
        }
        for campaign in campaigns where calendar.offset(of: campaign.month) < months {
            [campaign.newUserShare, campaign.voucherValue, campaign.redemption, campaign.leverage].forEach { used.insert($0.index) }
        }
        for milestone in self.milestones where milestones.contains(milestone.name) { staged(milestone.rate) }
        return used
    }

    /// Indices of the parameters that can change `target`'s deciding value: those its months up
    /// to the deadline can depend on (`parametersUsed`), and for a milestone's target only that
    /// milestone's rates in those months (a milestone's count is its own Poisson process, fed by
    /// nothing else; docs/model.md §3 step 7). Every other parameter leaves the target's value
    /// unchanged to the bit.
    public func parametersThatCanAffect(_ target: Target) -> Set<Int> {
        let months = calendar.offset(of: target.deadline) + 1
        guard case .milestone(let name) = target.metric else { return parametersUsed(inFirst: months, milestones: []) }
        let early = calendar.stages.indices.filter { calendar.offset(of: calendar.stages[$0].from) < months }
        return Set(milestones.filter { $0.name == name }.flatMap { milestone in early.map { milestone.rate[$0].index } })
    }
}
