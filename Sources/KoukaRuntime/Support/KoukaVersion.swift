/// Kouka's version, stated at the top of every report.
public enum KoukaVersion {
    public static let current = "0.4.0"
}
