/// The version of the tool, shown by `integraph --version`, in report footers and in SARIF
/// logs. A library user has their package manager's record of the version instead.
///
/// ```swift
/// print(IntegraphVersion.current) // "0.1.0"
/// ```
package enum IntegraphVersion {
    package static let current = "0.1.0"
}
