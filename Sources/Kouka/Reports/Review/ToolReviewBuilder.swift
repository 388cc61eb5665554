
/// Builds the tool review from the periods it compares. Pure: the same periods give the same review. Hours
/// saved, units and licences are the reports' own figures (so the review never disagrees with them); the
/// quality rates come from the counts kept beside the rollups, each over the units that measured it.
package enum ToolReviewBuilder {
    /// `periods` oldest first; `judged` is the index of the report's own period, `yearBefore` its report of a
    /// year earlier (for the tasks whose hours fell most), with its RPA minutes by task unrounded when known.
    package static func build(periods: [ReviewPeriod], judged: Int, yearBefore: YearReport?, yearBeforeRPAMinutesByTask: [String: Double]? = nil,
                             catalog: TaskCatalog, settings: ReviewSettings, money: MoneySettings?) -> ToolReview {
        let sums = periods.map { ReviewSums.of($0, catalog: catalog) }
        let context = Context(periods: periods, sums: sums, judged: judged, settings: settings, money: money)
        return ToolReview(
            columns: periods.map(\.label), judged: periods[judged].label,
            sections: [ocr(context), minutes(context), chatbot(context), translation(context),
                       rpa(context, yearBefore: yearBefore, yearBeforeMinutesByTask: yearBeforeRPAMinutesByTask)])
    }

    struct Context {
        var periods: [ReviewPeriod]
        var sums: [[SystemFamily: ReviewSums]]
        var judged: Int
        var settings: ReviewSettings
        var money: MoneySettings?

        var columns: [String] { periods.map(\.label) }

        func hours(_ family: SystemFamily) -> [Double?] { periods.map { $0.report.hoursSaved.bySystem[family.rawValue] ?? 0 } }

        /// Units of successful runs of the family's mapped tasks, as the report counts them.
        func units(_ family: SystemFamily) -> [Double] {
            periods.map { $0.report.tasks.filter { $0.system == family.rawValue }.reduce(0) { $0 + $1.units } }
        }

        /// The yen of licence the period bears per hour saved; nil without a licence, or with no hour saved.
        func costPerHour(_ family: SystemFamily) -> [Double?] {
            periods.map { p in
                guard let line = p.report.money?.bySystem.first(where: { $0.system == family.rawValue }), line.licenceYen > 0 else { return nil }
                let hours = Self.hoursForCost(family, in: p)
                return hours > 0 ? line.licenceYen / hours : nil
            }
        }

        /// The hours saved a licence is set against: the period's unrounded hours, as every figure is its own unrounded
        /// sum rounded once; the report's, rounded to 0.01 h, only when those are not known.
        static func hoursForCost(_ family: SystemFamily, in period: ReviewPeriod) -> Double {
            if let minutes = period.minutesSaved { return (minutes[family.rawValue] ?? 0) / 60 }
            return period.report.hoursSaved.bySystem[family.rawValue] ?? 0
        }

        func perUnit(_ family: SystemFamily, scale: Double) -> [Double?] {
            sums.map { s in
                guard let s = s[family], s.humanMeasuredQuantity > 0 else { return nil }
                return s.humanSeconds / 60 / (s.humanMeasuredQuantity / scale)
            }
        }

        /// The licence per hour saved, as rows: none when `[money]` gives the tool no licence (nothing to measure).
        func costRows(_ family: SystemFamily) -> [ReviewRow] {
            guard (money?.yearlyLicenceYen[family] ?? 0) > 0 else { return [] }
            return [row("licence-per-hour-saved", "ライセンス費 ÷ 削減時間", "円/時間", costPerHour(family), decimals: 0)]
        }

        func row(_ key: String, _ label: String, _ unit: String, _ values: [Double?], decimals: Int = 2) -> ReviewRow {
            ReviewRow(key: key, label: label, unit: unit, values: values, decimals: decimals)
        }

        /// The verdict of `family` on the judged period, by the cost and use rules and `quality`'s findings.
        func verdict(_ family: SystemFamily, use: [Double], quality: ReviewRules.Finding) -> ReviewVerdict {
            let p = periods[judged]
            let licence = p.report.money?.bySystem.first(where: { $0.system == family.rawValue })?.licenceYen
            let cost = ReviewRules.cost(licenceYen: licence, hoursSaved: Self.hoursForCost(family, in: p),
                                        staffHourlyYen: money?.hourlyStaffCostYen)
            let years = periods.enumerated().compactMap { i, p in p.fiscalYear.map { ($0, use[i]) } }
            let falling = ReviewRules.falling(use: Dictionary(uniqueKeysWithValues: years), judgedYear: p.fiscalYear, years: settings.fallingYears,
                                              judgedThrough: p.through)
            var verdict = ReviewRules.verdict(findings: [cost, falling, quality], hasUse: use[judged] > 0 || (licence ?? 0) > 0)
            verdict.rules = settings.rules(for: family.rawValue, staffHourlyYen: money?.hourlyStaffCostYen)
            return verdict
        }
    }

    static func ocr(_ c: Context) -> ToolReviewSection {
        let sheets = c.units(.aiOCR)
        let rate = c.sums.map { ReviewSums.rate($0[.aiOCR]?.quality, .fieldsCorrected, of: .fieldsRead) }
        let overall = ReviewTable(id: "ocr-overall", title: "AI-OCR の効果と品質", columns: c.columns, rows: [
            c.row("sheets", "読取枚数", "枚", sheets, decimals: 0),
            c.row("hours-saved", "削減時間", "時間", c.hours(.aiOCR)),
            c.row("correction-rate", "項目修正率（修正項目 ÷ 読取項目）", "%", rate),
            c.row("checking-minutes-per-sheet", "確認時間", "分/枚", c.perUnit(.aiOCR, scale: 1)),
        ] + c.costRows(.aiOCR), note: "項目修正率と確認時間は、ログに読取項目数・修正項目数・確認時間がある読取だけで計算する。ない期間は「未測定」。読取枚数と削減時間は対応表の業務の分、項目修正率と確認時間は対応表にない帳票の読取も含む（ツールそのものの評価のため）。")
        let forms = Set(c.sums.flatMap { $0[.aiOCR]?.qualityByName.keys.map { $0 } ?? [] }).sorted()
        let byForm = ReviewTable(id: "ocr-forms", title: "帳票別の項目修正率", columns: c.columns, rows: forms.map { form in
            c.row(form, form, "%", c.sums.map { ReviewSums.rate($0[.aiOCR]?.qualityByName[form], .fieldsCorrected, of: .fieldsRead) })
        }, note: nil)
        let quality = ReviewRules.above(rate[c.judged], max: c.settings.ocrCorrectionRateMax, what: "項目修正率", key: "ocr_correction_rate_max")
        return ToolReviewSection(system: SystemFamily.aiOCR.rawValue, title: "AI-OCR", tables: forms.isEmpty ? [overall] : [overall, byForm],
                                 verdict: c.verdict(.aiOCR, use: sheets, quality: quality))
    }

    static func minutes(_ c: Context) -> ToolReviewSection {
        let audio = c.units(.minutes)
        let table = ReviewTable(id: "minutes-overall", title: "議事録作成支援の効果", columns: c.columns, rows: [
            c.row("audio-hours", "音声時間", "時間", audio.map { $0 / 60 }),
            c.row("editing-minutes-per-audio-hour", "編集時間", "分/音声1時間", c.perUnit(.minutes, scale: 60)),
            c.row("hours-saved", "削減時間", "時間", c.hours(.minutes)),
        ] + c.costRows(.minutes), note: "編集時間は、ログに編集時間がある会議の分だけで計算する。音声時間と削減時間は対応表の業務の分、編集時間は対応表にない会議も含む（ツールそのものの評価のため）。")
        return ToolReviewSection(system: SystemFamily.minutes.rawValue, title: "議事録作成支援", tables: [table],
                                 verdict: c.verdict(.minutes, use: audio, quality: .none))
    }

    static func chatbot(_ c: Context) -> ToolReviewSection {
        let inquiries = c.sums.map { Double($0[.chatbot]?.events ?? 0) }
        let answer = c.sums.map { s in ReviewSums.rate(s[.chatbot]?.quality, .unanswered, of: .answerMeasured).map { 1 - $0 } }
        let rating = c.sums.map { ReviewSums.rate($0[.chatbot]?.quality, .ratingSum, of: .ratingCount) }
        let overall = ReviewTable(id: "chatbot-overall", title: "チャットボットの効果と回答状況", columns: c.columns, rows: [
            c.row("inquiries", "問い合わせ", "件", inquiries, decimals: 0),
            c.row("answer-rate", "回答率", "%", answer),
            c.row("handoff-rate", "有人対応への引継ぎ率", "%", c.sums.map { ReviewSums.rate($0[.chatbot]?.quality, .escalated, of: .escalationMeasured) }),
            c.row("rating", "評価の平均", "点", rating),
            c.row("off-hours-answers", "開庁時間外の回答", "件", c.sums.map { Double($0[.chatbot]?.offHoursAnswers ?? 0) }, decimals: 0),
            c.row("hours-saved", "削減時間", "時間", c.hours(.chatbot)),
        ] + c.costRows(.chatbot), note: "回答率 = 回答した問い合わせ ÷ 回答の有無が記録された問い合わせ。引継ぎ率 = 有人対応に引き継いだ問い合わせ ÷ 引継ぎの有無が記録された問い合わせ。問い合わせ・回答率・引継ぎ率・評価・開庁時間外の回答は対応表にないカテゴリ（フォールバックを含む）も含み、削減時間は対応表の業務の分。")
        let categories = Set(c.sums.flatMap { $0[.chatbot]?.qualityByName.keys.map { $0 } ?? [] }).sorted()
        let byCategory = ReviewTable(id: "chatbot-categories", title: "カテゴリ別の回答率・引継ぎ率", columns: c.columns.flatMap { ["\($0) 回答率", "\($0) 引継ぎ率"] },
                                     rows: categories.map { name in
            c.row(name, name, "%", c.sums.flatMap { s -> [Double?] in
                let q = s[.chatbot]?.qualityByName[name]
                return [ReviewSums.rate(q, .unanswered, of: .answerMeasured).map { 1 - $0 }, ReviewSums.rate(q, .escalated, of: .escalationMeasured)]
            })
        }, note: nil)
        let judged = c.sums[c.judged][.chatbot]?.qualityByName ?? [:]
        let unanswered = judged.filter { ($0.value[.unanswered] ?? 0) > 0 }
            .sorted { (($1.value[.unanswered] ?? 0), $0.key) < (($0.value[.unanswered] ?? 0), $1.key) }.prefix(5)
        let candidates = ReviewTable(id: "chatbot-unanswered", title: "未回答の多いカテゴリ（対応業務の見直し候補、\(c.columns[c.judged])）",
                                     columns: ["未回答", "回答の有無が記録された問い合わせ"], rows: unanswered.map { name, q in
            c.row(name, name, "件", [q[.unanswered], q[.answerMeasured]], decimals: 0)
        }, note: "未回答の件数の多い順に5つまで。回答率はカテゴリ別の表にある。")
        var tables = [overall]
        if !categories.isEmpty { tables.append(byCategory) }
        if !unanswered.isEmpty { tables.append(candidates) }
        let quality = ReviewRules.below(answer[c.judged], min: c.settings.chatbotAnswerRateMin, what: "回答率", key: "chatbot_answer_rate_min")
        return ToolReviewSection(system: SystemFamily.chatbot.rawValue, title: "チャットボット", tables: tables,
                                 verdict: c.verdict(.chatbot, use: inquiries, quality: quality))
    }

    static func translation(_ c: Context) -> ToolReviewSection {
        let characters = c.units(.translation)
        let overall = ReviewTable(id: "translation-overall", title: "AI自動翻訳の効果", columns: c.columns, rows: [
            c.row("characters", "翻訳文字数", "文字", characters, decimals: 0),
            c.row("post-edit-minutes-per-1000", "後編集時間", "分/1,000文字", c.perUnit(.translation, scale: 1000)),
            c.row("hours-saved", "削減時間", "時間", c.hours(.translation)),
        ] + c.costRows(.translation), note: "後編集時間は、ログに後編集時間がある依頼の分だけで計算する。翻訳文字数と削減時間は対応表の業務の分、後編集時間は対応表にない依頼も含む（ツールそのものの評価のため）。")
        let pairs = Set(c.sums.flatMap { $0[.translation]?.quality.keys.compactMap(\.languagePair) ?? [] }).sorted()
        let byPair = ReviewTable(id: "translation-pairs", title: "言語の組み合わせ別の文字数", columns: c.columns, rows: pairs.map { pair in
            c.row(pair, pair.replacingOccurrences(of: ">", with: " → "), "文字", c.sums.map { $0[.translation]?.quality[.pairCharacters(pair)] ?? 0 }, decimals: 0)
        }, note: "ログに翻訳元と翻訳先の言語がある、成功した依頼だけの文字数（失敗・取り消しは除く。対応表にない依頼も含むため、翻訳文字数の合計とは一致しないことがある）。")
        return ToolReviewSection(system: SystemFamily.translation.rawValue, title: "AI自動翻訳", tables: pairs.isEmpty ? [overall] : [overall, byPair],
                                 verdict: c.verdict(.translation, use: characters, quality: .none))
    }
}
