/// What libxml2's error codes mean, in words a person editing the file can act on.
///
/// On Linux Foundation's `XMLParser` passes libxml2's `xmlParserErrors` through as the `NSError`
/// code, with no text; GraphML reading reports these messages instead.
enum GraphMLXMLError {
    /// A readable message for libxml2's error `code`.
    ///
    /// `open` is the innermost open element, by name and the line of its `<`.
    static func message(code: Int, open: (name: String, line: Int)?) -> String {
        switch code {
        case 76:
            if let (name, line) = open { return "end tag does not match <\(name)> opened at line \(line)" }
            return "end tag does not match the open element"
        case 5, 77, 85:
            if let (name, line) = open { return "the document ends inside <\(name)> opened at line \(line)" }
            return code == 5 ? "content after the end of the root element" : "the document ends early"
        case 86: return "content after the end of the root element"
        case 3, 4: return "the document is empty or is not XML"
        case 6, 7, 8: return "invalid character reference"
        case 9: return "a character that XML does not allow"
        case 22, 24: return "'&' without an entity name (escape '&' as &amp;)"
        case 23, 25: return "entity reference without ';' (escape '&' as &amp;)"
        case 26, 27: return "undefined entity (escape '&' as &amp;)"
        case 28: return "an unparsed entity (NDATA) used as text"
        case 29: return "an external entity (SYSTEM or PUBLIC) used in an attribute value; entities are not expanded"
        case 30: return "a parameter entity (%name;) used outside the document type declaration"
        case 2: return "out of memory"
        case 10, 11, 12, 13: return "a character reference out of place"
        case 14, 15, 16, 17, 18, 19, 20, 21: return "an entity reference out of place (escape '&' as &amp;)"
        case 33, 34: return "a quoted value without its opening or closing quote"
        case 36, 37: return "an entity declaration that does not end"
        case 43, 44: return "a quoted literal (a SYSTEM or PUBLIC id?) that does not end"
        case 46, 47: return "a processing instruction without '?>'"
        case 61: return "a document type declaration (<!DOCTYPE ...>) that does not end"
        case 62: return "']]>' outside a CDATA section"
        case 87: return "a character that XML does not allow, inside an entity"
        case 90: return "an entity that breaks the element structure"
        case 111: return "the reading was stopped"
        case 31, 32, 79, 81: return "unsupported or invalid character encoding"
        case 38: return "'<' inside an attribute value (escape it as &lt;), or a missing closing quote"
        case 39: return "attribute value without quotes"
        case 40: return "attribute value without a closing quote"
        case 41, 75: return "attribute without '=' and a value"
        case 42: return "the same attribute twice in one element"
        case 45: return "comment without '-->'"
        case 56, 57, 64: return "malformed or misplaced XML declaration"
        case 63: return "CDATA section without ']]>'"
        case 65: return "a space is required here (between attributes?)"
        case 68: return "expected a name (a stray '<'?)"
        case 73: return "expected '>' or '/>' to end the tag"
        case 74: return "expected '</' to close the element"
        case 80: return "'--' inside a comment"
        case 1: return "the XML cannot be read here (a document type declaration or markup out of place?)"
        case 88, 89: return "an entity that refers to itself or expands too far (entities are not expanded)"
        default: return "the XML is not well-formed here (libxml2's error code \(code), see xmlParserErrors in libxml/xmlerror.h)"
        }
    }
}
