/// What an XML parser's error code means, in words a reader of the message can act on.
/// Foundation's `XMLParser` reports libxml2's error numbers (`xmlParserErrors` in
/// libxml/xmlerror.h); on Linux its `ErrorCode` names do not line up with them (76, a tag
/// mismatch, prints as `standaloneValueError`), so the numbers are read here directly.
///
/// ```swift
/// XMLProblem.words(for: 76) // "a closing tag does not match the element it closes"
/// ```
enum XMLProblem {
    static func words(for code: Int?) -> String {
        switch code {
        case 5?: "the file ends before its XML does (cut off?)"
        case 3?, 4?: "there is no XML document in the file"
        case 76?, 77?, 85?: "a closing tag does not match the element it closes"
        case 86?: "there is content after the document's root element ends"
        case 70?, 91?, 92?, 99?, 100?: "a namespace or reference URI is not a valid URI"
        case 38?, 39?, 40?, 41?, 42?, 43?, 44?, 75?: "an attribute is malformed: unquoted, unfinished or given twice"
        case 72?, 73?, 74?: "a '<' or '>' is missing or out of place (a literal one is written &lt; or &gt;)"
        case 14?, 15?, 16?, 22?, 23?, 26?, 27?, 28?: "an '&' starts an entity that is not one (a literal '&' is written &amp;)"
        case 6?, 7?, 8?, 9?, 10?, 11?, 12?: "there is a character XML does not allow"
        case 31?, 32?, 79?, 81?: "it is in an encoding the parser cannot read (save it as UTF-8)"
        case 56?, 57?, 64?, 96?: "its '<?xml …?>' declaration is misplaced or unfinished"
        case 35?, 65?, 68?: "a tag or attribute name is missing or malformed"
        case 45?, 80?: "a comment is unfinished or contains '--'"
        case 63?: "a CDATA section is not finished"
        case let code?: "the parser stopped (libxml2 error \(code))"
        case nil: "the parser stopped without saying why"
        }
    }
}
