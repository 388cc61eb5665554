extension ReportContext {
    /// The tasks the store's counted files give items for on a day on or before `day` (`ReportInputs.tasksGivingItems`): a
    /// period's figures are not changed by files of days after it (helper-142: a signed month named as edited once the queue
    /// robot gave its first items in a later month). Each task's first such day is read once a context (helper-143: a query
    /// over every rollup for each day verify asked of).
    func tasksGivingItems(through day: LocalDate) throws -> Set<String> {
        if built.firstDaysGivingItems == nil { built.firstDaysGivingItems = try store.firstDaysGivingItems() }
        return Set(built.firstDaysGivingItems!.filter { $0.value <= day }.keys)
    }
}
