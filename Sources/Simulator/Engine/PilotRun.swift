import Foundation
import PilotModel

/// The month step of docs/model.md §3 for one run, writing every metric of §4 at the end of each month.
///
/// `metrics` is a month-major table: row t holds the metrics of month offset t in the order of
/// `Scenario.metrics` (the fixed metrics, then one column per milestone).
struct PilotRun {
    let scenario: Scenario
    /// Campaign indices by month offset, in file order.
    private let campaignsByMonth: [[Int]]
    let metricCount: Int

    init(_ scenario: Scenario) {
        self.scenario = scenario
        var byMonth = [[Int]](repeating: [], count: scenario.calendar.monthCount)
        for (i, campaign) in scenario.campaigns.enumerated() {
            byMonth[scenario.calendar.offset(of: campaign.month)].append(i)
        }
        campaignsByMonth = byMonth
        metricCount = scenario.metrics.count
    }

    /// The column of each fixed metric in a row: its place in `Metric.fixed` (the milestones follow).
    struct Columns {
        let wallets, walletsPersonal, walletsCorporate, walletsActive, merchants, transactions: Int
        let amount, amountPersonal, amountCorporate, amountPublic, amountCampaign, amountMonthly, transactionsMonthly: Int
        let firstMilestone = Metric.fixed.count

        init() {
            func column(_ metric: Metric) -> Int { Metric.fixed.firstIndex(of: metric)! }
            (wallets, walletsPersonal, walletsCorporate, walletsActive) =
                (column(.wallets), column(.walletsPersonal), column(.walletsCorporate), column(.walletsActive))
            (merchants, transactions) = (column(.merchants), column(.transactions))
            (amount, amountPersonal, amountCorporate, amountPublic, amountCampaign) =
                (column(.amount), column(.amountPersonal), column(.amountCorporate), column(.amountPublic), column(.amountCampaign))
            (amountMonthly, transactionsMonthly) = (column(.amountMonthly), column(.transactionsMonthly))
        }
    }
    private let column = Columns()

    /// Simulates the first `monthLimit` months (the whole calendar when `nil`) with parameter values
    /// `v` (indexed like `scenario.parameters`), each step drawing from its own stream. A month's
    /// draws do not depend on how many months follow, so a shorter run is the start of a longer one.
    /// Long because it is the model's month step (docs/model.md §2–4) in the contract's order, one
    /// equation after another on the same month's state; split into functions, the state would
    /// have to be passed through each, in the hot loop of every simulation.
    func simulate(_ v: [Double], streams: RunStreams, metrics: inout [Double], monthLimit: Int? = nil) {
        let s = scenario, personal = s.personal, corporate = s.corporate, merchants = s.merchants
        let np = personal.population, nc = corporate.population, k = merchants.potential
        /// n/d, or 0 over an empty pool (docs/model.md §3).
        @inline(__always) func ratio(_ n: Int, _ d: Int) -> Double { d == 0 ? 0 : Double(n) / Double(d) }

        var wp = personal.initial, wc = corporate.initial, m = merchants.initial
        var transactions = 0.0, amountPersonal = 0.0, amountCorporate = 0.0, amountPublic = 0.0, amountCampaign = 0.0
        var milestoneCounts = [Double](repeating: 0, count: s.milestones.count)

        for t in 0..<min(monthLimit ?? s.calendar.monthCount, s.calendar.monthCount) {
            streams.enter(month: t)
            let stage = s.calendar.stageIndexOfMonth[t]
            // 1–2. Wallets: hazards read last month's state.
            let hp = -expm1(
                -(v[personal.innovation[stage].index] + v[personal.imitation.index] * ratio(wp, np)
                    + v[personal.merchantPull.index] * ratio(m, k)))
            let hc = -expm1(
                -(v[corporate.innovation[stage].index] + v[corporate.imitation.index] * ratio(wc, nc)
                    + v[corporate.merchantPull.index] * ratio(m, k)))
            let hm = -expm1(-(v[merchants.outreach[stage].index] + v[merchants.walletPull.index] * ratio(wp, np)))
            wp += streams.personalWallets.binomial(np - wp, hp)
            wc += streams.corporateWallets.binomial(nc - wc, hc)

            // 3. Campaigns of this month, in file order.
            var monthTransactions = 0.0, monthAmount = 0.0
            for c in campaignsByMonth[t] {
                let campaign = s.campaigns[c]
                wp += streams.campaignNewUsers[c].binomial(min(campaign.winners, np - wp), v[campaign.newUserShare.index])
                let redeemed = Double(streams.campaignRedemptions[c].binomial(campaign.winners, v[campaign.redemption.index]))
                let spent = redeemed * v[campaign.voucherValue.index] * v[campaign.leverage.index]
                monthTransactions += redeemed
                monthAmount += spent
                amountCampaign += spent
            }

            // 4. Merchants.
            let joined = streams.merchants.binomial(k - m, hm)
            let left = streams.merchants.binomial(m, v[merchants.churn.index])
            m += joined - left

            // 5. Use, with wallets and merchants at this month's values.
            let up = streams.personalUse.binomial(wp, v[personal.activeShare[stage].index])
            let uc = streams.corporateUse.binomial(wc, v[corporate.activeShare[stage].index])
            let phi = v[personal.nonmerchantShare!.index]
            let xp = streams.personalUse.poisson(Double(up) * v[personal.transactionsPerActive[stage].index] * (phi + (1 - phi) * ratio(m, k)))
            let xc = streams.corporateUse.poisson(Double(uc) * v[corporate.transactionsPerActive[stage].index])
            let yp = streams.personalAmount.amount(of: xp, mean: v[personal.ticketMean.index], cv: v[personal.ticketCV.index])
            let yc = streams.corporateAmount.amount(of: xc, mean: v[corporate.ticketMean.index], cv: v[corporate.ticketCV.index])
            monthTransactions += xp + xc
            monthAmount += yp + yc
            amountPersonal += yp
            amountCorporate += yc

            // 6. Public flows.
            if let flows = s.publicFlows, v[flows.amount[stage].index] > 0 {
                let yg = streams.publicAmount.amount(of: 1, mean: v[flows.amount[stage].index], cv: v[flows.cv.index])
                let xg = streams.publicCount.poisson(v[flows.count[stage].index])
                monthTransactions += xg
                monthAmount += yg
                amountPublic += yg
            }

            // 7. Milestones.
            for j in s.milestones.indices {
                milestoneCounts[j] += streams.milestones[j].poisson(v[s.milestones[j].rate[stage].index])
            }

            transactions += monthTransactions
            let row = t * metricCount
            metrics[row + column.wallets] = Double(wp + wc)
            metrics[row + column.walletsPersonal] = Double(wp)
            metrics[row + column.walletsCorporate] = Double(wc)
            metrics[row + column.walletsActive] = Double(up + uc)
            metrics[row + column.merchants] = Double(m)
            metrics[row + column.transactions] = transactions
            metrics[row + column.amount] = amountPersonal + amountCorporate + amountPublic + amountCampaign
            metrics[row + column.amountPersonal] = amountPersonal
            metrics[row + column.amountCorporate] = amountCorporate
            metrics[row + column.amountPublic] = amountPublic
            metrics[row + column.amountCampaign] = amountCampaign
            metrics[row + column.amountMonthly] = monthAmount
            metrics[row + column.transactionsMonthly] = monthTransactions
            for j in milestoneCounts.indices {
                metrics[row + column.firstMilestone + j] = milestoneCounts[j]
            }
        }
    }
}
