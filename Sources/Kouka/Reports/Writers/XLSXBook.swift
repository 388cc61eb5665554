import CXLSX

extension XLSXReportWriter {
    /// The workbook's shared formats, and its sheets, finished alike when the book is closed: every sheet's
    /// table gets an autofilter over its header and rows, and every column a width that fits its contents.
    final class Book {
        let workbook: UnsafeMutablePointer<lxw_workbook>
        let header: UnsafeMutablePointer<lxw_format>
        let decimal: UnsafeMutablePointer<lxw_format>
        let whole: UnsafeMutablePointer<lxw_format>
        let yen: UnsafeMutablePointer<lxw_format>
        /// A rate held as a fraction and shown as a percentage to 0.1, as the Markdown and HTML show it.
        let percent: UnsafeMutablePointer<lxw_format>
        private var sheets: [Sheet] = []

        init(workbook: UnsafeMutablePointer<lxw_workbook>) {
            self.workbook = workbook
            header = workbook_add_format(workbook)
            format_set_bold(header)
            format_set_bg_color(header, 0xEEF2F8)
            decimal = workbook_add_format(workbook)
            format_set_num_format(decimal, "#,##0.00")
            whole = workbook_add_format(workbook)
            format_set_num_format(whole, "#,##0")
            yen = workbook_add_format(workbook)
            format_set_num_format(yen, "\"¥\"#,##0")
            percent = workbook_add_format(workbook)
            format_set_num_format(percent, "0.0%")
        }

        func sheet(_ name: String, header titles: [String]) -> Sheet {
            let sheet = Sheet(worksheet: workbook_add_worksheet(workbook, name), book: self, columns: titles.count)
            for (i, title) in titles.enumerated() {
                worksheet_write_string(sheet.worksheet, 0, UInt16(i), title, header)
                sheet.note(0, UInt16(i), characters: Sheet.displayWidth(title) + 2)
            }
            worksheet_freeze_panes(sheet.worksheet, 1, 0)
            sheets.append(sheet)
            return sheet
        }

        /// Sets each sheet's autofilter and column widths (a width set with `Sheet.width` is kept).
        func finish() {
            for sheet in sheets { sheet.finish() }
        }
    }

    /// One worksheet: a header row and the rows written below it.
    final class Sheet {
        let worksheet: UnsafeMutablePointer<lxw_worksheet>
        let book: Book
        private var columns: Int
        private var lastRow: UInt32 = 0
        private var widths: [UInt16: Double] = [:]
        private var fixedWidths: [UInt16: Double] = [:]

        init(worksheet: UnsafeMutablePointer<lxw_worksheet>, book: Book, columns: Int) {
            self.worksheet = worksheet
            self.book = book
            self.columns = columns
        }

        func text(_ row: UInt32, _ column: UInt16, _ value: String) {
            worksheet_write_string(worksheet, row, column, value, nil)
            note(row, column, characters: Self.displayWidth(value) + 1)
        }

        /// A number; `whole` for counts (`#,##0`), `yen` for yen, `percent` for a rate held as a fraction (`0.0%`), else
        /// hours and quantities to 0.01.
        func number(_ row: UInt32, _ column: UInt16, _ value: Double, whole: Bool = false, yen: Bool = false, percent: Bool = false) {
            let format = percent ? book.percent : (yen ? book.yen : (whole ? book.whole : book.decimal))
            worksheet_write_number(worksheet, row, column, value.isFinite ? value : 0, format)
            note(row, column, characters: 12)
        }

        /// A column's width in characters, instead of the one fitted to its contents.
        func width(_ column: UInt16, _ characters: Double) { fixedWidths[column] = characters }

        fileprivate func note(_ row: UInt32, _ column: UInt16, characters: Double) {
            lastRow = max(lastRow, row)
            columns = max(columns, Int(column) + 1)
            widths[column] = max(widths[column] ?? 0, characters)
        }

        fileprivate func finish() {
            for column in 0..<UInt16(columns) {
                // Long texts (the method, reasons) wrap at a readable width rather than stretch the sheet.
                let fitted = min(max(widths[column] ?? 8, 8), 60)
                worksheet_set_column(worksheet, column, column, fixedWidths[column] ?? fitted, nil)
            }
            worksheet_autofilter(worksheet, 0, 0, lastRow, UInt16(max(columns, 1) - 1))
        }

        /// Excel's width of a text in characters: a full-width (Japanese) character takes two.
        static func displayWidth(_ text: String) -> Double {
            Double(text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) })
        }
    }
}
