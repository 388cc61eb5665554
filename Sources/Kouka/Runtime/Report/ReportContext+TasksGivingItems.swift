extension ReportContext {
    /// The tasks the store's counted files give items for on a day on or before `day` (`ReportInputs.tasksGivingItems`),
    /// looked up once a day a context: a period's figures are not changed by files of days after it (helper-142: a signed
    /// month named as edited once the queue robot gave its first items in a later month).
    func tasksGivingItems(through day: LocalDate) throws -> Set<String> {
        if let known = built.tasksGivingItems[day] { return known }
        let tasks = try store.tasksGivingItems(through: day)
        built.tasksGivingItems[day] = tasks
        return tasks
    }
}
