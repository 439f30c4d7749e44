/// The kinds of damage ``ReportMutator`` does to a saved report: the ways a report file goes wrong when
/// it is edited by hand, truncated by a full disk, written by another tool or crafted by an attacker.
///
/// Most kinds work on the parsed document and write it again, so the result is often still valid JSON
/// and sometimes still a readable report whose odd values reach the renderers; the last three work on the
/// bytes, and the result is usually not JSON at all.
public enum ReportMutation: String, Sendable, CaseIterable {
    /// A member of some object is removed.
    case dropMember = "drop-member"
    /// A member of some object is written twice (which the strict parser must reject).
    case duplicateMember = "duplicate-member"
    /// A value is replaced by a value of another JSON type (a string where a number was, an object for
    /// an array, null for anything).
    case swapType = "swap-type"
    /// A value is replaced by an extreme number: 2⁶³ − 1, −2⁶³, 2⁶⁴, −1, 2⁵³ + 1, 1e308, 1e309, the
    /// smallest subnormal, −0, "nan", "inf", a 30-digit integer.
    case extremeNumber = "extreme-number"
    /// A string is replaced by another value its member accepts (a verdict by another verdict, a family
    /// by another family): documents that still decode, with combinations no run writes.
    case otherEnumeration = "other-enumeration"
    /// A value is wrapped in many levels of arrays or objects (around the parser's nesting limit, or far
    /// beyond it).
    case deepNesting = "deep-nesting"
    /// A string is replaced by a giant one, or an array's element is repeated many times.
    case giantValue = "giant-value"
    /// Control characters (escape sequences, BEL, CR, NUL), bidi overrides, zero-width and combining
    /// characters and markup (`<script>`, `]]>`, `|`, backticks) are put into a string.
    case hostileCharacters = "hostile-characters"
    /// An array is emptied, shortened or lengthened, so that points, rows and entries disagree in size.
    case resizeArray = "resize-array"
    /// The text is cut at some byte.
    case truncate
    /// Bytes that are not UTF-8 (a lone continuation byte, 0xFF, an overlong form, an encoded surrogate)
    /// are put into the text.
    case invalidUTF8 = "invalid-utf8"
    /// Random bytes of the text are changed, removed or repeated.
    case flipBytes = "flip-bytes"
}
