import ActorGraphIO
import Testing

@Suite struct DOTEscapingTests {
    @Test func quotedIDsCannotBreakOut() {
        #expect(DOTEscaping.quoted("plain") == "\"plain\"")
        #expect(DOTEscaping.quoted("\"];") == "\"\\\"];\"")
        #expect(DOTEscaping.quoted("a\\b") == "\"a\\\\b\"")
        #expect(DOTEscaping.quoted("ends with \\") == "\"ends with \\\\\"")
        #expect(DOTEscaping.quoted("two\nlines") == "\"two\\nlines\"")
        #expect(DOTEscaping.quoted("a:b:c") == "\"a:b:c\"")
        #expect(DOTEscaping.quoted("bell\u{7}") == "\"bell\u{FFFD}\"")
        #expect(DOTEscaping.quoted("문재인") == "\"문재인\"")
    }

    @Test func displayedTextNeutralisesGraphvizEscapesAndEntities() {
        #expect(DOTEscaping.text("\\N \\G \\l") == "\"\\\\N \\\\G \\\\l\"")
        #expect(DOTEscaping.text("AT&T &lt;") == "\"AT&amp;T &amp;lt;\"")
        #expect(DOTEscaping.text("a\r\nb\nc") == "\"a\\nb\\nc\"")
        #expect(DOTEscaping.text("<script>") == "\"<script>\"")
    }

    @Test func htmlEscapesMarkup() {
        #expect(DOTEscaping.html("<b> & \"x\" 'y'") == "&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;")
        #expect(DOTEscaping.html("a\nb") == "a<BR/>b")
    }

    @Test func namesAreBareOnlyWhenPlainIdentifiers() {
        #expect(DOTEscaping.name("fontname") == "fontname")
        #expect(DOTEscaping.name("node") == "\"node\"")
        #expect(DOTEscaping.name("a b") == "\"a b\"")
        #expect(DOTEscaping.name("9lives") == "\"9lives\"")
    }

    @Test func numbersAreShortAndStable() {
        #expect(DOTDocument.number(3) == "3")
        #expect(DOTDocument.number(2.5) == "2.5")
        #expect(DOTDocument.number(1.0 / 3) == "0.333")
        #expect(DOTDocument.number(-0.125) == "-0.125")
        #expect(DOTDocument.number(.nan) == "0")
    }
}
