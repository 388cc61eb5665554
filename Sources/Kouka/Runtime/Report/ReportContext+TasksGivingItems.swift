extension ReportContext {
    /// The tasks any counted file of the store gives items for (`ReportInputs.tasksGivingItems`), looked up once a context.
    func tasksGivingItems() throws -> Set<String> {
        if let known = built.tasksGivingItems { return known }
        let tasks = try store.tasksGivingItems()
        built.tasksGivingItems = tasks
        return tasks
    }
}
