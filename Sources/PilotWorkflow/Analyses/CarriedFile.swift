/// A file an analysis's inputs carry into its parts (plan B of a comparison, the reported figures
/// of a conditioning), so that merge makes the analysis again without the file: its name, as
/// locations name it, and its text.
public struct CarriedFile: Codable, Equatable, Sendable {
    public let name: String, text: String

    public init(name: String, text: String) { (self.name, self.text) = (name, text) }
}
