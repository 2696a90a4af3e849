/// The version of the tool, shown by `integraph --version` and in report footers.
///
/// ```swift
/// print(IntegraphVersion.current) // "0.1.0"
/// ```
public enum IntegraphVersion {
    public static let current = "0.1.0"
}
