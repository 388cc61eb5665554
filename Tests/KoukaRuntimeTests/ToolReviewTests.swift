import Foundation
import Kouka
import Testing

/// The tool review on a small fixture per format, every indicator worked out by hand in the comments.
@Suite struct ToolReviewTests {
    static let may23 = LocalDate(year: 2023, month: 5, day: 10), may24 = LocalDate(year: 2024, month: 5, day: 10)

    static let catalog = TaskCatalog(entries: [
        CatalogEntry(taskID: "A01", name: "申請書入力", department: "市民課", system: .aiOCR, unit: .sheets, manualMinutesPerUnit: 6,
                     residualMinutesPerUnit: 1.5, validFrom: LocalDate(year: 2021, month: 4, day: 1), patterns: ["申請書", "届出書"]),
        CatalogEntry(taskID: "A02", name: "会議録", department: "議会事務局", system: .minutes, unit: .audioMinutes, manualMinutesPerUnit: 4,
                     residualMinutesPerUnit: 1, validFrom: LocalDate(year: 2021, month: 4, day: 1), patterns: ["本会議"]),
        CatalogEntry(taskID: "A03", name: "問い合わせ", department: "広報課", system: .chatbot, unit: .inquiries, manualMinutesPerUnit: 5,
                     residualMinutesPerUnit: 0, validFrom: LocalDate(year: 2021, month: 4, day: 1), patterns: ["ごみ", "税金"]),
        CatalogEntry(taskID: "A04", name: "翻訳", department: "国際交流課", system: .translation, unit: .characters, manualMinutesPerUnit: 60,
                     residualMinutesPerUnit: 10, validFrom: LocalDate(year: 2021, month: 4, day: 1), patterns: ["AI翻訳"]),
        CatalogEntry(taskID: "R1", name: "住民票", department: "市民課", system: .rpa, unit: .runs, manualMinutesPerUnit: 10,
                     residualMinutesPerUnit: 0, reworkMinutesPerFailure: 5, validFrom: LocalDate(year: 2021, month: 4, day: 1), patterns: ["住民票"]),
        CatalogEntry(taskID: "R2", name: "伝票", department: "会計課", system: .rpa, unit: .items, manualMinutesPerUnit: 1,
                     residualMinutesPerUnit: 0, validFrom: LocalDate(year: 2021, month: 4, day: 1), patterns: ["伝票"]),
    ])

    static func rollup(_ name: String, _ family: SystemFamily, _ outcome: Outcome = .success, unit: EffectUnit, events: Int, quantity: Double? = nil,
                       human: Double = 0, humanQuantity: Double = 0, on date: LocalDate = may24, offHours: Bool = false,
                       quality: [QualityMeasure: Double] = [:]) -> DailyRollup {
        var totals = RollupTotals(events: events, quantity: quantity ?? Double(events), machineSeconds: 0, humanSeconds: human, humanMeasuredQuantity: humanQuantity)
        totals.quality = quality
        return DailyRollup(key: RollupKey(date: date, department: "", family: family, taskName: name, outcome: outcome, unit: unit, offHours: offHours),
                           totals: totals, sourceID: 1)
    }

    static let fy2023 = [
        rollup("住民票", .rpa, unit: .runs, events: 25, on: may23),
        rollup("ごみ", .chatbot, unit: .inquiries, events: 4, on: may23),
    ]

    static let fy2024 = [
        // AI-OCR: 申請書 10 sheets, checking measured 600 s; 200 fields read, 30 corrected. 届出書 5 sheets, 100 read, 0 corrected.
        rollup("申請書", .aiOCR, unit: .sheets, events: 2, quantity: 10, human: 600, humanQuantity: 10, quality: [.fieldsRead: 200, .fieldsCorrected: 30]),
        rollup("届出書", .aiOCR, unit: .sheets, events: 1, quantity: 5, quality: [.fieldsRead: 100, .fieldsCorrected: 0]),
        // Minutes: 120 audio minutes, of which 60 with 60 editing minutes measured.
        rollup("本会議", .minutes, unit: .audioMinutes, events: 2, quantity: 120, human: 3600, humanQuantity: 60),
        // Chatbot: ごみ 3 answered, 2 not (1 unanswered, 1 handed off… each measured), 1 answered off hours; 税金 1 unanswered.
        rollup("ごみ", .chatbot, unit: .inquiries, events: 3,
               quality: [.answerMeasured: 3, .unanswered: 0, .escalationMeasured: 3, .escalated: 0, .ratingSum: 12, .ratingCount: 3]),
        rollup("ごみ", .chatbot, .failure, unit: .inquiries, events: 2, quality: [.answerMeasured: 2, .unanswered: 1, .escalationMeasured: 2, .escalated: 1]),
        rollup("税金", .chatbot, .failure, unit: .inquiries, events: 1, quality: [.answerMeasured: 1, .unanswered: 1, .escalationMeasured: 1, .escalated: 0]),
        rollup("ごみ", .chatbot, unit: .inquiries, events: 1, offHours: true, quality: [.answerMeasured: 1, .unanswered: 0]),
        // Translation: 3,000 characters, 10 post-editing minutes measured on 2,000 of them; ja>en 2,000, ja>zh 1,000.
        rollup("AI翻訳", .translation, unit: .characters, events: 3, quantity: 3000, human: 600, humanQuantity: 2000,
               quality: [.pairCharacters("ja>en"): 2000, .pairCharacters("ja>zh"): 1000]),
        // RPA: 18 runs succeeded, 2 failed (rework 5 min each).
        rollup("住民票", .rpa, unit: .runs, events: 18),
        rollup("住民票", .rpa, .failure, unit: .runs, events: 2),
        // A robot counted in items: one run handled 50 items, and 5 items failed.
        rollup("伝票", .rpa, unit: .items, events: 1, quantity: 50),
        rollup("伝票", .rpa, .failure, unit: .items, events: 1, quantity: 5),
    ]

    static func period(_ year: Int, _ rollups: [DailyRollup], money: MoneySettings?) -> ReviewPeriod {
        let fiscal = FiscalYear(year)
        let (report, minutes) = ReportBuilder.buildWithRPAMinutes(ReportInputs(
            period: .fiscalYear(fiscal), rollups: rollups, catalog: catalog, catalogPath: "catalog.csv",
            catalogSHA256: "", targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo", money: money))
        return ReviewPeriod(label: fiscal.japaneseLabel, report: report, rollups: rollups, firstDay: fiscal.firstDay, through: fiscal.lastDay, fiscalYear: year,
                            minutesSaved: minutes.bySystem, rpaMinutesByTask: minutes.byTask)
    }

    /// helper-103 #1: a task whose runs the logs give to three departments has a line for each, 8.7 minutes (0.145 h) each.
    /// Its hours are 26.1 minutes = 0.435 h → 0.44, as the report's total; adding the lines' rounded 0.15 gave 0.45, more
    /// than the tool's own 0.44. The year before, 4 × 8.7 = 34.8 minutes = 0.58 h: it fell by 0.14 (not 0.13).
    /// Rework of 12.5 minutes a failure reads 12.5 in every format, not 13 in the text and 12.5 in the workbook (#3).
    @Test func aTasksHoursAreItsLinesMinutesRoundedOnce() {
        let catalog = TaskCatalog(entries: [
            CatalogEntry(taskID: "B1", name: "給付", department: "福祉課", system: .rpa, unit: .items, manualMinutesPerUnit: 8.7,
                         residualMinutesPerUnit: 0, reworkMinutesPerFailure: 12.5, validFrom: LocalDate(year: 2021, month: 4, day: 1), patterns: ["給付"]),
        ])
        func item(_ department: String, on date: LocalDate, _ outcome: Outcome = .success) -> DailyRollup {
            DailyRollup(key: RollupKey(date: date, department: department, family: .rpa, taskName: "給付", outcome: outcome, unit: .items, offHours: false),
                        totals: RollupTotals(events: 1, quantity: 1, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0), sourceID: 1)
        }
        func period(_ year: Int, _ rollups: [DailyRollup]) -> (ReviewPeriod, RPAMinutesByMonth) {
            let fiscal = FiscalYear(year)
            let (report, minutes) = ReportBuilder.buildWithRPAMinutes(ReportInputs(
                period: .fiscalYear(fiscal), rollups: rollups, catalog: catalog, catalogPath: "catalog.csv",
                catalogSHA256: "", targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo", money: nil))
            return (ReviewPeriod(label: fiscal.japaneseLabel, report: report, rollups: rollups, firstDay: fiscal.firstDay, through: fiscal.lastDay,
                                 fiscalYear: year, minutesSaved: minutes.bySystem, rpaMinutesByTask: minutes.byTask), minutes)
        }
        let (before, beforeMinutes) = period(2023, (0..<4).map { _ in item("福祉課", on: Self.may23) })
        let (now, _) = period(2024, ["福祉課", "障害福祉課", "高齢福祉課"].map { item($0, on: Self.may24) } + [item("福祉課", on: Self.may24, .failure)])
        #expect(now.report.tasks.filter { $0.task == "B1" && $0.unit == "items" && $0.successes > 0 }.count == 3)
        let r = ToolReviewBuilder.build(periods: [before, now], judged: 1, yearBefore: before.report, yearBeforeRPAMinutesByTask: beforeMinutes.byTask,
                                        catalog: catalog, settings: ReviewSettings(), money: nil)
        // 26.1 − 12.5 = 13.6 minutes = 0.2267 h → 0.23; the tool's own figure is the same.
        #expect(now.report.hoursSaved.bySystem["rpa"] == 0.23)
        #expect(Self.row(r, "rpa", "rpa-hours", "B1") == [0.58, 0.23])
        #expect(Self.row(r, "rpa", "rpa-overall", "hours-saved") == [0.58, 0.23])
        #expect(Self.row(r, "rpa", "rpa-fell", "B1") == [0.58, 0.23, -0.35])
        #expect(Self.row(r, "rpa", "rpa-rework", "B1") == [0, 12.5])
        #expect(r.sections.first { $0.system == "rpa" }?.tables.first { $0.id == "rpa-rework" }?.rows.first?.decimals == 2)
        // Without the failure: three lines of 0.145 h each.
        let (clean, _) = period(2024, ["福祉課", "障害福祉課", "高齢福祉課"].map { item($0, on: Self.may24) })
        let c = ToolReviewBuilder.build(periods: [before, clean], judged: 1, yearBefore: before.report, yearBeforeRPAMinutesByTask: beforeMinutes.byTask,
                                        catalog: catalog, settings: ReviewSettings(), money: nil)
        #expect(clean.report.hoursSaved.bySystem["rpa"] == 0.44)
        #expect(Self.row(c, "rpa", "rpa-hours", "B1") == [0.58, 0.44])
        #expect(Self.row(c, "rpa", "rpa-fell", "B1") == [0.58, 0.44, -0.14])
    }

    static func review(money: MoneySettings? = nil, settings: ReviewSettings = ReviewSettings()) -> ToolReview {
        let periods = [period(2023, fy2023, money: money), period(2024, fy2024, money: money)]
        return ToolReviewBuilder.build(periods: periods, judged: 1, yearBefore: periods[0].report, catalog: catalog, settings: settings, money: money)
    }

    /// AI-OCR's use fell from 30 sheets (FY2022) to 24 (FY2023); FY2024 has 20 by November 15. Judged then, the tool is
    /// continued, not reviewed: a year under way's use to date is not set against whole years (helper-179 #1).
    @Test func aYearUnderWayIsNotJudgedFallingOnItsUseToDate() {
        func sheets(_ year: Int, _ count: Int, through: LocalDate? = nil) -> ReviewPeriod {
            var column = Self.period(year, [Self.rollup("申請書", .aiOCR, unit: .sheets, events: count, on: LocalDate(year: year, month: 5, day: 10))], money: nil)
            if let through { column.through = through }
            return column
        }
        func verdict(through: LocalDate) -> ReviewVerdict? {
            let periods = [sheets(2022, 30), sheets(2023, 24), sheets(2024, 20, through: through)]
            return ToolReviewBuilder.build(periods: periods, judged: 2, yearBefore: periods[1].report, catalog: Self.catalog, settings: ReviewSettings(), money: nil)
                .sections.first { $0.system == "ai-ocr" }?.verdict
        }
        let november = verdict(through: LocalDate(year: 2024, month: 11, day: 15))
        #expect(november?.code == "continue", "\(String(describing: november))")
        #expect(november?.notApplied.contains { $0.hasPrefix("利用の減少: 年度の途中（2024-11-15 まで）") } == true)
        #expect(verdict(through: LocalDate(year: 2025, month: 3, day: 31))?.code == "review", "the whole year fell twice running")
    }

    static func row(_ review: ToolReview, _ system: String, _ table: String, _ key: String) -> [Double?]? {
        review.sections.first { $0.system == system }?.tables.first { $0.id == table }?.rows.first { $0.key == key }?.values
    }

    static func close(_ a: [Double?]?, _ b: [Double?]) -> Bool {
        guard let a, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in x == nil ? y == nil : (y != nil && abs(x! - y!) < 1e-9) }
    }

    @Test func aiOCRCorrectionRatePerFormAndOverallAndCheckingMinutes() {
        let r = Self.review()
        #expect(Self.close(Self.row(r, "ai-ocr", "ocr-overall", "sheets"), [0, 15]))
        // 30 corrected ÷ 300 read; FY2023 read nothing: not measured, not 0%.
        #expect(Self.close(Self.row(r, "ai-ocr", "ocr-overall", "correction-rate"), [nil, 0.1]))
        #expect(Self.close(Self.row(r, "ai-ocr", "ocr-forms", "申請書"), [nil, 0.15]))
        #expect(Self.close(Self.row(r, "ai-ocr", "ocr-forms", "届出書"), [nil, 0]))
        // 600 s = 10 min over the 10 sheets that measured it.
        #expect(Self.close(Self.row(r, "ai-ocr", "ocr-overall", "checking-minutes-per-sheet"), [nil, 1]))
        // 10 × 6 − 10 = 50 min, 5 × 4.5 = 22.5 min: 72.5 min = 1.21 h.
        #expect(Self.close(Self.row(r, "ai-ocr", "ocr-overall", "hours-saved"), [0, 1.21]))
    }

    @Test func chatbotAnswerAndHandOffRatesOverallAndPerCategory() {
        let r = Self.review()
        #expect(Self.close(Self.row(r, "chatbot", "chatbot-overall", "inquiries"), [4, 7]))
        // 7 measured, 2 unanswered: 5/7; FY2023's log said nothing: not measured.
        #expect(Self.close(Self.row(r, "chatbot", "chatbot-overall", "answer-rate"), [nil, 5.0 / 7]))
        // 6 measured, 1 handed off.
        #expect(Self.close(Self.row(r, "chatbot", "chatbot-overall", "handoff-rate"), [nil, 1.0 / 6]))
        #expect(Self.close(Self.row(r, "chatbot", "chatbot-overall", "rating"), [nil, 4]))
        #expect(Self.close(Self.row(r, "chatbot", "chatbot-overall", "off-hours-answers"), [0, 1]))
        // The review counts every use of the tool, a category outside the catalog too, while the hours saved are the
        // catalog's tasks': the note says so, so that nobody takes the two for one count.
        let note = r.sections.first { $0.system == "chatbot" }?.tables.first { $0.id == "chatbot-overall" }?.note ?? ""
        #expect(note.contains("対応表にないカテゴリ（フォールバックを含む）も含み、削減時間は対応表の業務の分"))
        // ごみ: 6 measured, 1 unanswered; 5 measured for hand-off, 1 handed off. 税金: 1 of 1 unanswered.
        #expect(Self.close(Self.row(r, "chatbot", "chatbot-categories", "ごみ"), [nil, nil, 5.0 / 6, 1.0 / 5]))
        #expect(Self.close(Self.row(r, "chatbot", "chatbot-categories", "税金"), [nil, nil, 0, 0]))
        let unanswered = r.sections.first { $0.system == "chatbot" }?.tables.first { $0.id == "chatbot-unanswered" }
        #expect(unanswered?.rows.map(\.key) == ["ごみ", "税金"])
        #expect(unanswered?.rows.map(\.values) == [[1, 6], [1, 1]], "unanswered, and inquiries whose log says")
        let verdict = r.sections.first { $0.system == "chatbot" }!.verdict
        #expect(verdict.code == "improve")
        #expect(verdict.reasons == ["回答率 71.4% < 下限 80.0%（chatbot_answer_rate_min）"])
    }

    @Test func minutesAndTranslationTimePerUnit() {
        let r = Self.review()
        #expect(Self.close(Self.row(r, "minutes", "minutes-overall", "audio-hours"), [0, 2]))
        // 60 editing minutes over 60 measured audio minutes (1 h).
        #expect(Self.close(Self.row(r, "minutes", "minutes-overall", "editing-minutes-per-audio-hour"), [nil, 60]))
        #expect(Self.close(Self.row(r, "translation", "translation-overall", "characters"), [0, 3000]))
        // 10 minutes over 2,000 measured characters.
        #expect(Self.close(Self.row(r, "translation", "translation-overall", "post-edit-minutes-per-1000"), [nil, 5]))
        #expect(Self.close(Self.row(r, "translation", "translation-pairs", "ja>en"), [0, 2000]))
        #expect(Self.close(Self.row(r, "translation", "translation-pairs", "ja>zh"), [0, 1000]))
    }

    /// A request the log says failed translated nothing: 3,000 characters to Vietnamese made the pairs add up to more
    /// than the characters translated.
    @Test func aFailedTranslationRequestIsNoLanguagePairsCharacters() {
        let failed = Self.rollup("AI翻訳", .translation, .failure, unit: .characters, events: 1, quantity: 3000, quality: [.pairCharacters("ja>vi"): 3000])
        let periods = [Self.period(2023, Self.fy2023, money: nil), Self.period(2024, Self.fy2024 + [failed], money: nil)]
        let r = ToolReviewBuilder.build(periods: periods, judged: 1, yearBefore: periods[0].report, catalog: Self.catalog, settings: ReviewSettings(), money: nil)
        #expect(Self.close(Self.row(r, "translation", "translation-pairs", "ja>en"), [0, 2000]))
        #expect(Self.row(r, "translation", "translation-pairs", "ja>vi") == nil)
    }

    /// A month whose only run was cancelled is a month with a run, as 実行回数 counts it: R1 ran in May 2024 only (11 idle
    /// months of 12), and a run cancelled in August makes 10 (helper-167 #2: counted in 実行回数, idle in 実行のない月数).
    @Test func aMonthWithACancelledRunIsNotIdle() {
        let cancelled = Self.rollup("住民票", .rpa, .cancelled, unit: .runs, events: 1, on: LocalDate(year: 2024, month: 8, day: 5))
        let periods = [Self.period(2023, Self.fy2023, money: nil), Self.period(2024, Self.fy2024 + [cancelled], money: nil)]
        let r = ToolReviewBuilder.build(periods: periods, judged: 1, yearBefore: periods[0].report, catalog: Self.catalog, settings: ReviewSettings(), money: nil)
        #expect(Self.close(Self.row(r, "rpa", "rpa-idle-months", "R1"), [10, 10]))
    }

    @Test func robotRunsFailuresReworkIdleMonthsAndTheFall() {
        let r = Self.review()
        #expect(Self.close(Self.row(r, "rpa", "rpa-runs", "R1"), [25, 20]))
        #expect(Self.close(Self.row(r, "rpa", "rpa-failure-rate", "R1"), [0, 0.1]))
        #expect(Self.close(Self.row(r, "rpa", "rpa-rework", "R1"), [0, 10]))
        // 250 min = 4.17 h; 18 × 10 − 2 × 5 = 170 min = 2.83 h.
        #expect(Self.close(Self.row(r, "rpa", "rpa-hours", "R1"), [4.17, 2.83]))
        // From its first run (May 2023): FY2023 has 11 months from May, 10 without a run; FY2024 11 of 12.
        #expect(Self.close(Self.row(r, "rpa", "rpa-idle-months", "R1"), [10, 11]))
        // Items fail by the item: 5 failed of 55, not 5 of 1 run. A robot first run in May 2024 was not idle before:
        // 0 in FY2023, and 10 of the 11 months from May in FY2024.
        #expect(Self.close(Self.row(r, "rpa", "rpa-failure-rate", "R2"), [nil, 5.0 / 55]))
        #expect(Self.close(Self.row(r, "rpa", "rpa-idle-months", "R2"), [0, 10]))
        // Its runs are runs: the one that handled 50 items and the one that failed 5, 2 (not 1, leaving the failed run
        // out); the tool's 実行回数, R1's 20 and R2's 2.
        #expect(Self.close(Self.row(r, "rpa", "rpa-runs", "R2"), [0, 2]))
        #expect(Self.close(Self.row(r, "rpa", "rpa-overall", "runs"), [25, 22]))
        // The tool's rate is over runs, never runs and items added: R1's 2 failed of 20, R2's 1 failed run of 2: 3 of 22.
        #expect(Self.close(Self.row(r, "rpa", "rpa-overall", "failure-rate"), [0, 3.0 / 22]))
        // The change is rounded to 0.01 h as the figures it is taken from: exactly −1.34, not 2.83 − 4.17 in binary.
        #expect(Self.row(r, "rpa", "rpa-fell", "R1") == [4.17, 2.83, -1.34])
        let verdict = r.sections.first { $0.system == "rpa" }!.verdict
        #expect(verdict.code == "improve", "2 of 20 runs failed: 10.0% > 5.0%")
        // R2 failed 5 of 55 items (9.1%) in 2 runs: fewer runs than robot_minimum_runs (10), so it is not judged.
        #expect(verdict.reasons.count == 1)
        #expect(verdict.reasons.first?.hasPrefix("R1 住民票 の失敗率 10.0%（20 回中）") == true, "\(verdict.reasons)")
        #expect(verdict.notApplied.contains { $0.contains("2022〜2024") }, "two years running needs FY2022 too")
    }

    @Test func costPerHourSavedAboveTheStaffCostIsAReview() {
        // A-OCR: 12,000 yen ÷ 72.5 min (1.2083 h, shown as 1.21) = 9,931 yen/h > 2,000 yen: over the unrounded hours.
        let r = Self.review(money: MoneySettings(hourlyStaffCostYen: 2000, yearlyLicenceYen: [.aiOCR: 12_000, .minutes: 100]))
        let ocr = r.sections.first { $0.system == "ai-ocr" }!
        #expect(Self.close(Self.row(r, "ai-ocr", "ocr-overall", "licence-per-hour-saved"), [nil, 12_000 / (72.5 / 60)]))
        #expect(ocr.verdict.code == "review")
        #expect(ocr.verdict.reasons == ["ライセンス費 ÷ 削減時間 = 9,931 円/時間 > 職員の時間単価 2,000 円"])
        #expect(ocr.verdict.rules.contains { $0.contains("2,000 円") }, "the rule and its threshold are printed beside the verdict")
        // Minutes: 100 yen over many hours is far below the staff cost.
        #expect(r.sections.first { $0.system == "minutes" }!.verdict.code == "continue")
    }

    /// 2,418 yen over 72.5 min: 2,001 yen/h over the unrounded 1.2083 h, above the 2,000 yen staff hour, as the money
    /// table's 差引 (2,417 − 2,418 = −1 yen) says; over the rounded 1.21 h it would be 1,998 and no review.
    @Test func aLicenceJustAboveTheYenSavedIsAReviewThoughTheRoundedHoursSayOtherwise() {
        let r = Self.review(money: MoneySettings(hourlyStaffCostYen: 2000, yearlyLicenceYen: [.aiOCR: 2_418]))
        let ocr = r.sections.first { $0.system == "ai-ocr" }!
        #expect(ocr.verdict.code == "review")
        #expect(ocr.verdict.reasons == ["ライセンス費 ÷ 削減時間 = 2,001 円/時間 > 職員の時間単価 2,000 円"])
    }

    @Test func eachRuleOnBothSidesOfItsThreshold() {
        #expect(ReviewRules.above(0.10, max: 0.10, what: "項目修正率", key: "k").level == 0)
        #expect(ReviewRules.above(0.1006, max: 0.10, what: "項目修正率", key: "k").level == 1, "10.1% > 10.0%")
        // Above by less than 0.1 %: shown with the decimals that tell the two apart, never "10.0% > 上限 10.0%".
        #expect(ReviewRules.above(0.1004, max: 0.10, what: "項目修正率", key: "k").reasons == ["項目修正率 10.04% > 上限 10.00%（k）"])
        #expect(ReviewRules.above(nil, max: 0.10, what: "項目修正率", key: "k").notApplied != nil, "not measured is not met")
        #expect(ReviewRules.below(0.80, min: 0.80, what: "回答率", key: "k").level == 0)
        #expect(ReviewRules.below(0.7994, min: 0.80, what: "回答率", key: "k").level == 1, "79.9% < 80.0%")
        // Each rule judges the figure its reason shows (helper-180): 93 answered of 100 is 1 − 7/100 = 0.9299999999999999 in
        // binary, which was "93.0% < 下限 93.0%" and 改善要; 27,600 yen over 552 minutes is 3,000.0000000000005 yen an hour,
        // which was "3,000 円/時間 > 3,000 円" and 見直し.
        #expect(ReviewRules.below(1 - 7.0 / 100, min: 0.93, what: "回答率", key: "k").level == 0)
        #expect(ReviewRules.above(1 - 0.93, max: 0.07, what: "項目修正率", key: "k").level == 0)
        #expect(ReviewRules.tasksAbove([("R1", 1 - 0.95, 20, "回")], max: 0.05, minimumRuns: 10).level == 0)
        #expect(ReviewRules.cost(licenceYen: 27_600, hoursSaved: 552.0 / 60, staffHourlyYen: 3_000).level == 0)
        #expect(ReviewRules.cost(licenceYen: 1_705_000, hoursSaved: 31_000.0 / 60, staffHourlyYen: 3_300).level == 0)
        #expect(ReviewRules.cost(licenceYen: 27_610, hoursSaved: 552.0 / 60, staffHourlyYen: 3_000).level == 2, "3,001 円/時間")
        // A threshold given with more decimals than a figure is shown with is judged as given (helper-182): 1 failure in 80
        // runs is 1.25 %, not above a maximum of 1.25 % (rounded to 0.1 % first it was "1.3% > 上限 1.3%"); 27,605 yen over
        // 9.2 h is 3,000.54 yen an hour, below a staff cost of 3,000.6 (to the yen, "3,001 円/時間 > 3,001 円").
        #expect(ReviewRules.tasksAbove([("R1", 1.0 / 80, 80, "回")], max: 0.0125, minimumRuns: 10).level == 0)
        #expect(ReviewRules.tasksAbove([("R1", 2.0 / 150, 150, "回")], max: 0.0125, minimumRuns: 10).reasons
                == ["R1 の失敗率 1.33%（150 回中）> 上限 1.25%（robot_failure_rate_max）"])
        #expect(ReviewRules.cost(licenceYen: 27_605, hoursSaved: 552.0 / 60, staffHourlyYen: 3_000.6).level == 0)
        #expect(ReviewRules.cost(licenceYen: 27_600, hoursSaved: 552.0 / 60, staffHourlyYen: 2_999.6).reasons
                == ["ライセンス費 ÷ 削減時間 = 3,000.0 円/時間 > 職員の時間単価 2,999.6 円"])
        // Apart by less than the last decimal shown: more decimals, down to a millionth (helper-184 #1: "3,000.00 円/時間 >
        // 3,000.00 円" for 1,800,001 yen over 600 h, "10.0000% > 上限 10.0000%" for 300,001 fields of 3,000,000 corrected).
        #expect(ReviewRules.cost(licenceYen: 1_800_001, hoursSaved: 600, staffHourlyYen: 3_000).reasons
                == ["ライセンス費 ÷ 削減時間 = 3,000.002 円/時間 > 職員の時間単価 3,000.000 円"])
        #expect(ReviewRules.above(300_001.0 / 3_000_000, max: 0.10, what: "項目修正率", key: "k").reasons == ["項目修正率 10.00003% > 上限 10.00000%（k）"])
        // The staff cost is stated as given in the rules, not to the yen (helper-184 #2: 3,000.6 read 3,001).
        #expect(Self.review(money: MoneySettings(hourlyStaffCostYen: 3_000.6, yearlyLicenceYen: [:])).sections.first { $0.system == "rpa" }?
            .verdict.rules.first == "見直し: ライセンス費 ÷ 削減時間 が職員の時間単価（3,000.6 円、[money]）を超える")
        var fine = ReviewSettings()
        fine.robotFailureRateMax = 0.0125
        #expect(Self.review(settings: fine).sections.first { $0.system == "rpa" }?.verdict.rules.contains { $0.hasPrefix("改善要: 業務の失敗率が 1.25% を超える") } == true)
        #expect(ReviewRules.tasksAbove([("R1", 0.05, 20, "回")], max: 0.05, minimumRuns: 10).level == 0)
        #expect(ReviewRules.tasksAbove([("R1", 0.06, 20, "回")], max: 0.05, minimumRuns: 10).level == 1)
        #expect(ReviewRules.cost(licenceYen: 2000, hoursSaved: 1, staffHourlyYen: 2000).level == 0)
        #expect(ReviewRules.cost(licenceYen: 2001, hoursSaved: 1, staffHourlyYen: 2000).level == 2)
        #expect(ReviewRules.cost(licenceYen: 1, hoursSaved: 0, staffHourlyYen: 2000).level == 2, "a licence that saved no hour")
        #expect(ReviewRules.cost(licenceYen: 5000, hoursSaved: 1, staffHourlyYen: nil).level == 0)
        #expect(ReviewRules.falling(use: [2022: 30, 2023: 25, 2024: 20], judgedYear: 2024, years: 2).level == 2)
        #expect(ReviewRules.falling(use: [2022: 30, 2023: 25, 2024: 25], judgedYear: 2024, years: 2).level == 0)
        #expect(ReviewRules.falling(use: [2022: 20, 2023: 25, 2024: 20], judgedYear: 2024, years: 2).level == 0, "a fall after a rise is not two years running")
        #expect(ReviewRules.falling(use: [2023: 25, 2024: 20], judgedYear: 2024, years: 2).notApplied != nil)
        // A year under way is not judged on its use to date (helper-179 #1); on its last day it is.
        let toDate = ReviewRules.falling(use: [2022: 30, 2023: 24, 2024: 20], judgedYear: 2024, years: 2, judgedThrough: LocalDate(year: 2024, month: 11, day: 15))
        #expect(toDate.level == 0 && toDate.notApplied?.hasPrefix("利用の減少: 年度の途中（2024-11-15 まで）") == true, "\(toDate)")
        #expect(ReviewRules.falling(use: [2022: 30, 2023: 24, 2024: 20], judgedYear: 2024, years: 2, judgedThrough: LocalDate(year: 2025, month: 3, day: 31)).level == 2)
        let settings = { var s = ReviewSettings(); s.ocrCorrectionRateMax = 0.09; return s }()
        #expect(Self.review(settings: settings).sections.first { $0.system == "ai-ocr" }!.verdict.code == "improve", "10.0% > 9.0%")
        #expect(Self.review().sections.first { $0.system == "ai-ocr" }!.verdict.code == "continue", "10.0% is not above 10.0%")
    }
}
