import CXLSXWriter
import Foundation

/// An .xlsx workbook written with libxlsxwriter: sheets of strings and numbers, and native Excel
/// charts over their ranges. The C workbook lives only inside this class (closed, and freed, by
/// `close()` or at `deinit`); every value reaches C as a Swift string or number.
final class XLSXWorkbook {
    /// A chart kind libxlsxwriter draws natively. A `band` chart stacks its series as areas: the
    /// first, hidden, lifts the others to their base; each later one is a shaded band outlined
    /// at both edges (a fan chart: lines with bands). `histogram` stacks its series as columns
    /// without gaps (the runs that meet a target and the others).
    enum ChartKind { case line, bar, column, band, histogram }

    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var sheets: [String: UnsafeMutablePointer<lxw_worksheet>] = [:]
    private let bold: UnsafeMutablePointer<lxw_format>?
    private let percent: UnsafeMutablePointer<lxw_format>?
    private let thousandths: UnsafeMutablePointer<lxw_format>?
    /// Whole thousands grouped (224,788), for values of 1,000 and more: charts take it for their axes.
    private let grouped: UnsafeMutablePointer<lxw_format>?

    /// A workbook that `close()` writes to `path`.
    init(path: String) throws {
        guard let workbook = workbook_new(path) else { throw XLSXError(message: "cannot start the workbook \(path)") }
        self.workbook = workbook
        bold = workbook_add_format(workbook)
        format_set_bold(bold)
        percent = workbook_add_format(workbook)
        format_set_num_format(percent, "0.0%")
        thousandths = workbook_add_format(workbook)
        format_set_num_format(thousandths, "0.000")
        grouped = workbook_add_format(workbook)
        format_set_num_format(grouped, "#,##0")
    }

    /// Adds the sheet `name` (at most 31 characters, as Excel allows).
    func addSheet(_ name: String) throws {
        guard let workbook, let sheet = workbook_add_worksheet(workbook, String(name.prefix(31))) else {
            throw XLSXError(message: "cannot add the sheet \(name)")
        }
        sheets[name] = sheet
    }

    /// A cell: text, a number, a share shown as a percentage, or an index shown to three
    /// decimals (0.853).
    enum Cell {
        case text(String)
        case number(Double)
        case share(Double)
        case index(Double)
        case empty
    }

    /// Writes `rows` into `sheet` from its top-left cell, the first row in bold.
    func write(_ rows: [[Cell]], to sheet: String) {
        guard let worksheet = sheets[sheet] else { return }
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                let format = r == 0 ? bold : nil
                switch cell {
                case .text(let text): worksheet_write_string(worksheet, lxw_row_t(r), lxw_col_t(c), text, format)
                case .number(let x) where x.isFinite:
                    worksheet_write_number(worksheet, lxw_row_t(r), lxw_col_t(c), x, format ?? (abs(x) >= 1000 ? grouped : nil))
                case .share(let x) where x.isFinite: worksheet_write_number(worksheet, lxw_row_t(r), lxw_col_t(c), x, percent)
                case .index(let x) where x.isFinite: worksheet_write_number(worksheet, lxw_row_t(r), lxw_col_t(c), x, thousandths)
                default: break
                }
            }
        }
        worksheet_set_column(worksheet, 0, 0, 36, nil)
        worksheet_set_column(worksheet, 1, lxw_col_t(max(1, (rows.first?.count ?? 1) - 1)), 16, nil)
    }

    /// What a chart's value axis shows: amounts and counts (thousands grouped), shares (0% to
    /// 100%) or sensitivity indices (to one decimal).
    enum ValueAxis { case amounts, shares, indices }

    /// A series of a chart: its name and the cell ranges of its categories and values
    /// (`=Sheet!$A$2:$A$37`).
    struct Series { let name: String, categories: String, values: String }

    /// Series over rows `rows` (1-based, as Excel counts) of `sheet`, one per `(name, column)`, each
    /// with column A of those rows as its categories.
    static func series(_ columns: [(name: String, column: String)], sheet: String, rows: ClosedRange<Int>) -> [Series] {
        let quoted = "'\(sheet)'"
        return columns.map { name, column in
            Series(
                name: name, categories: "=\(quoted)!$A$\(rows.lowerBound):$A$\(rows.upperBound)",
                values: "=\(quoted)!$\(column)$\(rows.lowerBound):$\(column)$\(rows.upperBound)")
        }
    }

    /// Inserts a native chart of `series` into `sheet` at (`row`, `column`); `shares` draws the
    /// value axis as `axis` says; `scale` enlarges Excel's default chart (480 × 288 pixels) for
    /// many categories or long labels.
    func insertChart(
        _ kind: ChartKind, title: String, xAxis: String, yAxis: String, series: [Series], axis: ValueAxis = .amounts,
        scale: Double = 1, into sheet: String, row: Int, column: Int
    ) throws {
        guard let workbook, let worksheet = sheets[sheet] else { return }
        let type: lxw_chart_type
        switch kind {
        case .line: type = LXW_CHART_LINE
        case .bar: type = LXW_CHART_BAR
        case .column: type = LXW_CHART_COLUMN
        case .histogram: type = LXW_CHART_COLUMN_STACKED
        case .band: type = LXW_CHART_AREA_STACKED
        }
        guard let chart = workbook_add_chart(workbook, UInt8(type.rawValue)) else { throw XLSXError(message: "cannot add a chart") }
        for (k, s) in series.enumerated() {
            let added = chart_add_series(chart, s.categories, s.values)
            chart_series_set_name(added, s.name)
            if kind == .band {
                // The base series is invisible; each band is a translucent blue outlined in a darker blue.
                var fill = lxw_chart_fill(color: 0x2B6CB0, none: k == 0 ? 1 : 0, transparency: 60)
                var line = lxw_chart_line(color: 0x1F4E79, none: k == 0 ? 1 : 0, width: 1.25, dash_type: 0, transparency: 0)
                chart_series_set_fill(added, &fill)
                chart_series_set_line(added, &line)
            }
        }
        if kind == .band {
            var hidden: [Int16] = [0, -1]
            _ = chart_legend_delete_series(chart, &hidden)
        }
        if kind == .histogram { chart_set_series_gap(chart, 0) }
        chart_title_set_name(chart, title)
        chart_axis_set_name(chart.pointee.x_axis, xAxis)
        chart_axis_set_name(chart.pointee.y_axis, yAxis)
        // A bar chart's value axis is its horizontal one, libxlsxwriter's x axis.
        let valueAxis = kind == .bar ? chart.pointee.x_axis : chart.pointee.y_axis
        chart_axis_set_num_format(valueAxis, axis == .shares ? "0%" : axis == .indices ? "0.0" : "#,##0")
        if axis == .shares {
            chart_axis_set_min(valueAxis, 0)
            chart_axis_set_max(valueAxis, 1)
        }
        var options = lxw_chart_options(x_offset: 0, y_offset: 0, x_scale: scale, y_scale: scale, object_position: 0, description: nil, decorative: 0)
        worksheet_insert_chart_opt(worksheet, lxw_row_t(row), lxw_col_t(column), chart, &options)
    }

    /// The bytes of a workbook that `fill` writes: built in a temporary file, which is removed.
    static func bytes(_ fill: (XLSXWorkbook) throws -> Void) throws -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pilotsim-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path)
        try fill(book)
        try book.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Writes the file and frees the workbook.
    func close() throws {
        guard let workbook else { return }
        self.workbook = nil
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw XLSXError(message: String(cString: lxw_strerror(status))) }
    }

    deinit {
        if let workbook { workbook_close(workbook) }
    }
}

/// A workbook that could not be written.
struct XLSXError: Error, CustomStringConvertible {
    let message: String
    var description: String { "cannot write the Excel workbook: \(message)" }
}
