/// The version of the tool, shown by `integraph --version` and in report footers.
public enum IntegraphVersion {
    public static let current = "0.1.0"
}
