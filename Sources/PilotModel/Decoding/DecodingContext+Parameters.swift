import Foundation

/// The distribution families of docs/model.md §2 and the keys each form takes.
enum DistributionFamily: String, CaseIterable {
    case normal
    case truncatedNormal = "truncated_normal"
    case lognormal, uniform, triangular, pert, beta, gamma
    /// Two or three percentiles, `{p05: …, p50: …, p95: …}`, to which a distribution is fitted.
    case quantiles

    /// The accepted key sets; a family with two forms lists both.
    var forms: [[String]] {
        switch self {
        case .normal: return [["mean", "sd"]]
        case .truncatedNormal: return [["mean", "sd", "min", "max"]]
        case .lognormal: return [["median", "sigma"], ["mean", "sd"]]
        case .uniform: return [["min", "max"]]
        case .triangular, .pert: return [["min", "mode", "max"]]
        case .beta: return [["alpha", "beta"], ["mean", "sd"]]
        case .gamma: return [["shape", "scale"], ["mean", "sd"]]
        case .quantiles: return []
        }
    }

    static let names = allCases.map(\.rawValue)
}

extension DecodingContext {
    /// Reads a parameter that is one value for the whole run: a number or a distribution.
    func parameter(_ node: YAMLNode, _ path: String, _ domain: ParameterDomain) -> ParameterID? {
        recordNumericPath(path)
        guard let distribution = distribution(node, path, domain) else { return nil }
        return addParameter(
            ParameterSpec(
                keyPath: path, domain: domain, distribution: distribution, location: node.location,
                fit: fits[path]))
    }

    /// Reads a parameter marked *by stage*: one value (or distribution) for every stage, or a map
    /// naming every stage id once.
    func stagedParameter(_ node: YAMLNode, _ path: String, _ domain: ParameterDomain) -> StagedParameter? {
        recordNumericPath(path)
        stageIDs.forEach { recordNumericPath("\(path).\($0)") }
        guard case .mapping(let entries) = node.content, !isDistribution(entries) else {
            guard let id = parameter(node, path, domain) else { return nil }
            return StagedParameter(perStage: Array(repeating: id, count: stageIDs.count))
        }
        var ok = true
        for entry in entries where !stageIDs.contains(entry.key) {
            ok = false
            let hint =
                closestMatch(to: entry.key, in: stageIDs + DistributionFamily.names).map { "did you mean '\($0)'?" }
                ?? "expected a stage id (\(stageIDs.joined(separator: ", "))) or a distribution (\(DistributionFamily.names.joined(separator: ", ")))"
            report(entry.keyLocation, "\(path).\(entry.key)", "unknown stage; \(hint)")
        }
        let missing = stageIDs.filter { id in !entries.contains { $0.key == id } }
        if !missing.isEmpty && ok {
            report(node, path, "no value for stage \(listing(missing)); expected a value for every stage, or one value for all")
            ok = false
        }
        var ids: [ParameterID] = []
        for stage in stageIDs {
            guard let entry = entries.first(where: { $0.key == stage }) else { continue }
            let distribution = self.distribution(entry.value, "\(path).\(stage)", domain)
            if let distribution, ok {
                ids.append(
                    addParameter(
                        ParameterSpec(
                            keyPath: "\(path)[\(stage)]", domain: domain,
                            distribution: distribution, location: entry.value.location,
                            fit: fits["\(path).\(stage)"])))
            } else {
                ok = false
            }
        }
        return ok ? StagedParameter(perStage: ids) : nil
    }

    /// A single-key mapping whose key is a family name (not a stage id) is a distribution.
    private func isDistribution(_ entries: [YAMLNode.MappingEntry]) -> Bool {
        guard entries.count == 1, !stageIDs.contains(entries[0].key) else { return false }
        return DistributionFamily(rawValue: entries[0].key) != nil || !stageIDs.isEmpty && closestMatch(to: entries[0].key, in: stageIDs) == nil
    }

    /// Reads a number or a `{family: {…}}` mapping and checks its parameters and its support
    /// against the domain.
    func distribution(_ node: YAMLNode, _ path: String, _ domain: ParameterDomain) -> Distribution? {
        let expected =
            "\(domain.phrase), or a distribution such as {\(domain == .share ? "beta: {mean: 0.3, sd: 0.1}" : "lognormal: {median: 0.02, sigma: 0.5}")}"
        switch node.content {
        case .scalar(_, false):
            guard let value = number(node, path, expected: expected) else { return nil }
            guard domain.range.contains(value) else {
                report(node, path, "\(formatNumber(value)) is out of range; expected \(domain.phrase)")
                return nil
            }
            return .constant(value)
        case .mapping(let entries) where entries.count == 1:
            let entry = entries[0]
            guard let family = DistributionFamily(rawValue: entry.key) else {
                let hint =
                    closestMatch(to: entry.key, in: DistributionFamily.names).map { "did you mean '\($0)'?" }
                    ?? "expected one of \(DistributionFamily.names.joined(separator: ", "))"
                report(entry.keyLocation, "\(path).\(entry.key)", "unknown distribution; \(hint)")
                return nil
            }
            if family == .quantiles { return percentiles(entry.value, path, domain) }
            return distribution(family, entry.value, "\(path).\(entry.key)", domain)
        default:
            report(node, path, "\(describe(node)); expected \(expected)")
            return nil
        }
    }

    /// A distribution node: `{family: {parameters}}` or percentiles, to a `Distribution`. Long
    /// because it is one switch over the families, each case a few lines of checks whose
    /// messages name the family's own parameters; split apart, the families would lose the one
    /// place that lists them.
    private func distribution(
        _ family: DistributionFamily, _ node: YAMLNode, _ path: String,
        _ domain: ParameterDomain
    ) -> Distribution? {
        let allKeys = family.forms.flatMap { $0 }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let formText = family.forms.map { "{\($0.joined(separator: ", "))}" }.joined(separator: " or ")
        guard let reader = MappingReader(node, path: path, context: self, keys: allKeys, what: "\(family.rawValue) parameters") else { return nil }
        guard case .mapping(let entries) = node.content else { return nil }
        let given = Set(entries.map(\.key))
        guard let form = family.forms.first(where: { Set($0) == given.intersection(allKeys) }) else {
            if given.isSubset(of: allKeys) {
                report(node, path, "parameters {\(entries.map(\.key).joined(separator: ", "))} do not form a \(family.rawValue); expected \(formText)")
            }
            return nil
        }
        var values: [String: Double] = [:]
        for key in form {
            guard let child = reader.optional(key), let value = number(child, "\(path).\(key)") else { return nil }
            values[key] = value
        }
        func v(_ key: String) -> Double { values[key]! }
        func fail(_ message: String) -> Distribution? {
            report(node, path, message)
            return nil
        }
        /// The first of `keys` that is not positive, as a message; `nil` when all are.
        func notPositive(_ keys: String...) -> String? {
            keys.first { v($0) <= 0 }.map { "\($0) is \(formatNumber(v($0))); expected \(keys.joined(separator: ", ")) > 0" }
        }
        func ordered() -> String? {
            v("min") < v("max") ? nil : "min \(formatNumber(v("min"))) is not below max \(formatNumber(v("max"))); expected min < max"
        }

        let result: Distribution
        switch (family, form) {
        case (.quantiles, _):
            return nil  // read by `percentiles`
        case (.normal, _):
            return fail("a normal distribution can be negative; expected \(domain.phrase): use \(domain.suggestion)")
        case (.truncatedNormal, _):
            if let problem = notPositive("sd") ?? ordered() { return fail(problem) }
            guard v("max") >= v("mean") - 8 * v("sd"), v("min") <= v("mean") + 8 * v("sd") else {
                return fail("[min, max] lies more than 8 sd from the mean and has no probability to speak of; expected bounds near the mean")
            }
            result = .truncatedNormal(mean: v("mean"), sd: v("sd"), min: v("min"), max: v("max"))
        case (.lognormal, ["median", "sigma"]):
            if let problem = notPositive("median", "sigma") { return fail(problem) }
            result = .lognormal(zeta: log(v("median")), sigma: v("sigma"))
        case (.lognormal, _ /* mean, sd */):
            if let problem = notPositive("mean", "sd") { return fail(problem) }
            let sigma2 = log1p(v("sd") * v("sd") / (v("mean") * v("mean")))
            result = .lognormal(zeta: log(v("mean")) - sigma2 / 2, sigma: sigma2.squareRoot())
        case (.uniform, _):
            if let problem = ordered() { return fail(problem) }
            result = .uniform(min: v("min"), max: v("max"))
        case (.triangular, _), (.pert, _):
            if let problem = ordered() { return fail(problem) }
            guard v("min") <= v("mode"), v("mode") <= v("max") else {
                return fail("mode \(formatNumber(v("mode"))) lies outside [min, max]; expected min ≤ mode ≤ max")
            }
            result =
                family == .pert
                ? .pert(min: v("min"), mode: v("mode"), max: v("max"))
                : .triangular(min: v("min"), mode: v("mode"), max: v("max"))
        case (.beta, ["alpha", "beta"]):
            if let problem = notPositive("alpha", "beta") { return fail(problem) }
            result = .beta(alpha: v("alpha"), beta: v("beta"))
        case (.beta, _ /* mean, sd */):
            let mean = v("mean"), sd = v("sd")
            guard mean > 0, mean < 1 else { return fail("mean \(formatNumber(mean)) is outside (0, 1); expected 0 < mean < 1") }
            if let problem = notPositive("sd") { return fail(problem) }
            guard sd * sd < mean * (1 - mean) else {
                return fail("sd² = \(formatNumber(sd * sd)) is not below mean·(1 − mean) = \(formatNumber(mean * (1 - mean))); expected a smaller sd")
            }
            let nu = mean * (1 - mean) / (sd * sd) - 1
            result = .beta(alpha: mean * nu, beta: (1 - mean) * nu)
        case (.gamma, ["shape", "scale"]):
            if let problem = notPositive("shape", "scale") { return fail(problem) }
            result = .gamma(shape: v("shape"), scale: v("scale"))
        case (.gamma, _ /* mean, sd */):
            if let problem = notPositive("mean", "sd") { return fail(problem) }
            result = .gamma(shape: v("mean") * v("mean") / (v("sd") * v("sd")), scale: v("sd") * v("sd") / v("mean"))
        }
        if let problem = result.limitProblem(in: domain) { return fail(problem) }
        let support = result.support
        guard support.lowerBound >= domain.range.lowerBound,
            support.upperBound <= domain.range.upperBound || support.upperBound == .infinity && domain.capsUpperTail
        else {
            let range = "[\(formatNumber(support.lowerBound)), " + (support.upperBound.isFinite ? "\(formatNumber(support.upperBound))]" : "∞)")
            return fail("\(family.rawValue) takes values in \(range), outside the domain; expected \(domain.phrase): use \(domain.suggestion)")
        }
        return result
    }
}

extension Distribution {
    /// The largest `sigma` of a lognormal: P95/P5 is then e^(2·1.645·10) ≈ 2·10¹⁴.
    static let maximumLogSigma = 10.0
    /// The range of a beta's or gamma's shape parameters: beyond it a draw is a constant or
    /// zero to double precision, and the samplers' arithmetic leaves the doubles.
    static let shapeRange = 1e-6...1e12

    /// Why the distribution's parameters are too extreme for the domain's arithmetic, or `nil`.
    func limitProblem(in domain: ParameterDomain) -> String? {
        let largest = domain.range.upperBound
        func tooLarge(_ name: String, _ value: Double) -> String? {
            value.isFinite && abs(value) <= largest
                ? nil
                : "\(name) \(formatDerivedNumber(value)) is beyond the domain's bounds; expected \(domain.phrase)"
        }
        func shape(_ name: String, _ value: Double) -> String? {
            Self.shapeRange.contains(value)
                ? nil
                : "\(name) \(formatDerivedNumber(value)) is outside [1e-6, 1e12]; expected a less extreme distribution (or a constant)"
        }
        switch self {
        case .constant, .uniform, .triangular, .pert, .metalog:
            return nil  // bounded by their support, or cut at the domain's bound
        case .truncatedNormal(let mean, let sd, _, _):
            return tooLarge("mean", mean) ?? tooLarge("sd", sd)
        case .lognormal(let zeta, let sigma):
            if let problem = tooLarge("median", exp(zeta)) { return problem }
            return sigma <= Self.maximumLogSigma
                ? nil
                : "sigma \(formatDerivedNumber(sigma)) is above \(formatNumber(Self.maximumLogSigma)) (P95/P5 over 10¹⁴); expected a narrower lognormal"
        case .beta(let alpha, let beta):
            return shape("alpha", alpha) ?? shape("beta", beta)
        case .gamma(let shapeValue, let scale):
            return shape("shape", shapeValue) ?? tooLarge("mean", shapeValue * scale)
        }
    }
}

extension DecodingContext {
    /// The percentile keys: `p01` … `p99`.
    static let percentileKeys = (1...99).map { String(format: "p%02d", $0) }

    /// Reads `{p05: …, p50: …, p95: …}` (two or three of p01…p99) under `path.quantiles` and fits
    /// the family of the domain (`PercentileFit`); the fit is kept for reports.
    func percentiles(_ node: YAMLNode, _ path: String, _ domain: ParameterDomain) -> Distribution? {
        let here = "\(path).quantiles"
        guard case .mapping(let entries) = node.content else {
            report(node, here, "\(describe(node)); expected two or three percentiles such as {p05: 0.02, p50: 0.03, p95: 0.06}")
            return nil
        }
        var given: [PercentileFit.Percentile] = []
        for entry in entries {
            guard let index = Self.percentileKeys.firstIndex(of: entry.key) else {
                let hint =
                    closestMatch(to: entry.key, in: ["p05", "p10", "p25", "p50", "p75", "p90", "p95"]).map { "did you mean '\($0)'?" }
                    ?? "expected p01 … p99"
                report(entry.keyLocation, "\(here).\(entry.key)", "unknown percentile; \(hint)")
                return nil
            }
            guard let value = number(entry.value, "\(here).\(entry.key)") else { return nil }
            given.append(.init(probability: Double(index + 1) / 100, value: value))
        }
        guard (2...3).contains(given.count) else {
            report(node, here, "\(given.count) percentile\(given.count == 1 ? "" : "s"); expected two or three, such as {p05: 0.02, p50: 0.03, p95: 0.06}")
            return nil
        }
        let fit: PercentileFit
        do {
            fit = try PercentileFit.fit(given, domain: domain)
        } catch {
            switch error {
            case .notIncreasing:
                report(node, here, "the values do not increase with the percentiles; expected p05 < p50 < p95 values in the same order")
            case .outsideDomain(let value):
                report(
                    node, here,
                    "\(formatNumber(value)) is outside the domain; expected values in \(domain == .share ? "(0, 1)" : "(0, \(formatNumber(domain.range.upperBound))]") for \(domain.phrase)"
                )
            case .cannotFit(let worst):
                report(
                    node, here,
                    "no \(domain == .share ? "beta" : "lognormal") or metalog matches these percentiles (the best misses by \(formatDerivedNumber(worst * 100))% of their range); expected percentiles a unimodal distribution can have"
                )
            }
            return nil
        }
        fits[path] = fit
        return fit.distribution
    }
}
