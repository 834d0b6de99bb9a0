import Mustache

/// The Mustache templates of the HTML report, its SVG charts and the what-if desk's controls,
/// embedded in the binary.
/// Mustache escapes every `{{value}}` for HTML/XML (& < > " '); only `{{{chart}}}` inserts markup,
/// and only markup that one of these templates rendered.
enum Templates {
    static let report = load(PackageResources.report_html_mustache)
    static let fanChart = load(PackageResources.fan_chart_svg_mustache)
    static let histogram = load(PackageResources.histogram_svg_mustache)
    static let tornado = load(PackageResources.tornado_svg_mustache)
    static let ecdf = load(PackageResources.ecdf_svg_mustache)
    static let sobol = load(PackageResources.sobol_svg_mustache)
    static let sweep = load(PackageResources.sweep_svg_mustache)
    static let deskForm = load(PackageResources.desk_form_html_mustache)
    static let deskPage = load(PackageResources.desk_page_html_mustache)

    private static func load(_ bytes: [UInt8]) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self))
        } catch {
            preconditionFailure("an embedded template does not parse: \(error)")
        }
    }
}
