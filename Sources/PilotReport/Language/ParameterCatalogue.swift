import PilotModel

/// Every uncertain parameter's name for readers, in English and Chinese, with its unit: built
/// from the key path's parts — who (personal or corporate wallets, merchants, public channels, a
/// voucher round, a milestone), what (the parameter), and for a by-stage value the plan's stage —
/// e.g. `wallets.personal.innovation[launch]` → "Personal wallets: monthly adoption rate from
/// outreach, per month (launch stage)" / "个人钱包：推广带来的月开立率，每月（推广启动阶段）".
/// Reports show the name with the key path beside it in small type; CSV files keep the key path.
public enum ParameterCatalogue {
    /// A parameter's name, unit and stage in the reader's language; the key path itself for a
    /// path the catalogue does not know.
    public static func label(_ keyPath: String, scenario: Scenario, _ labels: Labels) -> String {
        let zh = labels.language == .chinese
        var path = keyPath, stage: String?
        if path.hasSuffix("]"), let open = path.lastIndex(of: "["), !path[path.index(after: open)...].dropLast().allSatisfy(\.isNumber) {
            stage = String(path[path.index(after: open)...].dropLast())
            path = String(path[..<open])
        }
        let parts = path.split(separator: ".").map(String.init)
        guard let (who, what) = describe(parts, scenario: scenario, labels) else { return keyPath }
        let stageText = stage.map { zh ? "（\(labels.stage($0))）" : " (\(labels.stage($0)) stage)" } ?? ""
        return (zh ? "\(who)：\(what)" : "\(who): \(what)") + stageText
    }

    /// Who a parameter belongs to, and what it is with its unit.
    private static func describe(_ parts: [String], scenario: Scenario, _ labels: Labels) -> (String, String)? {
        let zh = labels.language == .chinese
        guard let head = parts.first else { return nil }
        switch head {
        case "wallets" where parts.count >= 3:
            let who = parts[1] == "personal" ? (zh ? "个人钱包" : "Personal wallets") : (zh ? "对公钱包" : "Corporate wallets")
            return walletParameter(parts.dropFirst(2).joined(separator: "."), zh: zh).map { (who, $0) }
        case "merchants" where parts.count == 2:
            let names: [String: (String, String)] = [
                "outreach": ("monthly onboarding rate from bank outreach", "银行推广带来的月开通率"),
                "wallet_pull": ("pull of wallets on merchants", "钱包对商户开通的带动率"),
                "churn": ("share of accepting merchants lost a month", "受理商户每月流失比例"),
            ]
            return names[parts[1]].map { (zh ? "受理商户" : "Merchants", zh ? $0.1 : $0.0) }
        case "public_flows" where parts.count == 2:
            let names: [String: (String, String)] = [
                "amount": ("yuan paid a month", "每月金额（元）"), "count": ("payments a month", "每月交易笔数"),
                "cv": ("month-to-month variation (CV)", "月度波动系数"),
            ]
            return names[parts[1]].map { (zh ? "公共渠道" : "Public channels", zh ? $0.1 : $0.0) }
        case _ where head.hasPrefix("campaigns[") && parts.count == 2:
            guard let index = Int(head.dropFirst("campaigns[".count).dropLast()), scenario.campaigns.indices.contains(index) else { return nil }
            let names: [String: (String, String)] = [
                "new_user_share": ("share of winners without a wallet", "中签者中新开钱包的比例"),
                "voucher_value": ("voucher value, yuan", "消费券面额（元）"),
                "redemption": ("share of the vouchers' value spent", "消费券核销比例"),
                "leverage": ("spending per voucher yuan", "每元消费券带动的消费"),
                "winners": ("winners", "中签人数"),
            ]
            // A round's name is the scenario's own (often English) text; Chinese names it by its month.
            let campaign = scenario.campaigns[index]
            return names[parts[1]].map { (zh ? "\(campaign.month) 消费券活动" : "Voucher round “\(campaign.name)”", zh ? $0.1 : $0.0) }
        case "milestones" where parts.count == 2:
            let metric = labels.metric(.milestone(parts[1]))
            return (metric.prefix(1).uppercased() + metric.dropFirst(), zh ? "每月落地数" : "completions a month")
        default:
            return nil
        }
    }

    private static func walletParameter(_ name: String, zh: Bool) -> String? {
        let names: [String: (String, String)] = [
            "innovation": ("monthly adoption rate from outreach", "推广带来的月开立率"),
            "imitation": ("word-of-mouth adoption rate", "口碑带动的开立率"),
            "merchant_pull": ("pull of accepting merchants", "受理商户带动的开立率"),
            "active_share": ("share of wallets used in a month", "月活跃钱包比例"),
            "tx_per_active": ("payments per active wallet a month", "每个活跃钱包月交易笔数"),
            "nonmerchant_share": ("share of payments that are transfers", "转账等非商户交易占比"),
            "ticket.mean": ("mean payment, yuan", "平均单笔金额（元）"),
            "ticket.cv": ("spread of single payments (CV)", "单笔金额离散系数"),
        ]
        return names[name].map { zh ? $0.1 : $0.0 }
    }
}
