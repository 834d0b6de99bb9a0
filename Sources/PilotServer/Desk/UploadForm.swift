import Foundation
import Hummingbird
import MultipartKit

/// The upload form as sent: its anti-forgery value and the scenario, from the file picked (a
/// `multipart/form-data` body, as the page sends it, parsed by MultipartKit) or pasted (either
/// body). A picked file wins over pasted text.
struct UploadForm: Decodable {
    let csrf: String?
    let yaml: String?
    let file: String?

    /// The scenario's text: the file's when one was picked, else the pasted text.
    var text: String { file.flatMap { $0.isEmpty ? nil : $0 } ?? yaml ?? "" }

    /// The form in `body`, by the request's content type; nil when it is neither encoding a form
    /// is sent in, or not one of them as it claims.
    static func read(_ body: ByteBuffer, contentType: String?) -> UploadForm? {
        if let contentType, contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = boundary(contentType) else { return nil }
            return try? FormDataDecoder().decode(UploadForm.self, from: body, boundary: boundary)
        }
        guard let fields = FormFields.parse(String(buffer: body)) else { return nil }
        func field(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }
        return UploadForm(csrf: field("csrf"), yaml: field("yaml"), file: nil)
    }

    /// The `boundary` parameter of a multipart content type (quoted or not).
    private static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }
}
