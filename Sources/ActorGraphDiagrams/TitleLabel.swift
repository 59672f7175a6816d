import ActorGraphIO

/// The graph label the focused views (brokerage, timeline) draw at their top: the heading in
/// 18-point bold over a grey 11-point subtitle, both HTML-escaped.
enum TitleLabel {
    /// The `label` attribute's value. O(length of the two texts).
    static func html(heading: String, subtitle: String) -> DOTDocument.Value {
        .html(
            "<FONT POINT-SIZE=\"18\"><B>\(DOTEscaping.html(heading))</B></FONT><BR/>"
                + "<FONT POINT-SIZE=\"11\" COLOR=\"#555555\">\(DOTEscaping.html(subtitle))</FONT>")
    }
}
