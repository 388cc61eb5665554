import CXLSX

extension XLSXReportWriter {
    /// The workbook's shared formats.
    final class Book {
        let workbook: UnsafeMutablePointer<lxw_workbook>
        let header: UnsafeMutablePointer<lxw_format>
        let decimal: UnsafeMutablePointer<lxw_format>
        let whole: UnsafeMutablePointer<lxw_format>
        let yen: UnsafeMutablePointer<lxw_format>

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
        }

        func sheet(_ name: String, header titles: [String]) -> Sheet {
            let sheet = Sheet(worksheet: workbook_add_worksheet(workbook, name), book: self)
            for (i, title) in titles.enumerated() { worksheet_write_string(sheet.worksheet, 0, UInt16(i), title, header) }
            worksheet_freeze_panes(sheet.worksheet, 1, 0)
            return sheet
        }
    }

    /// One worksheet.
    struct Sheet {
        let worksheet: UnsafeMutablePointer<lxw_worksheet>
        let book: Book

        func text(_ row: UInt32, _ column: UInt16, _ value: String) { worksheet_write_string(worksheet, row, column, value, nil) }

        func number(_ row: UInt32, _ column: UInt16, _ value: Double, whole: Bool = false, yen: Bool = false) {
            worksheet_write_number(worksheet, row, column, value.isFinite ? value : 0, yen ? book.yen : (whole ? book.whole : book.decimal))
        }

        func width(_ column: UInt16, _ characters: Double) { worksheet_set_column(worksheet, column, column, characters, nil) }
    }
}
