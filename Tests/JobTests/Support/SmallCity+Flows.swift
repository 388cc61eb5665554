import Foundation

extension SmallCity {
    /// A city of one task, T01 (180 − 15 = 165 minutes saved a run), counted from Power Automate flow sessions in
    /// `logs/*.json`, its store at `database`: the city several verify and store tests begin from.
    static func flows(_ name: String, database: String = "kouka.sqlite") throws -> SmallCity {
        let city = try SmallCity(name)
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_*

            """)
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\ndatabase = \"\(database)\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        return city
    }

    /// One successful flow session of T01 on `day` (UTC midnight, ten minutes).
    static func flowRun(_ day: String, _ name: String = "住民税_課税") -> String {
        #"{"name": "\#(name)", "startedon": "\#(day)T00:00:00Z", "completedon": "\#(day)T00:10:00Z", "runduration": 600, "statuscode": 4}"#
    }
}
