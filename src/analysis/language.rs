//! Language identification of the document, its paragraphs and sentences.
//! (Placeholder: the language stage fills this in; until then everything is `und`.)

use crate::document::Document;
use crate::text::TextModel;

/// A language decision: ISO 639-1 code, or `und` when the evidence is too thin.
#[derive(Clone, Debug, PartialEq)]
pub struct LangGuess {
    pub code: String,
    pub confidence: f64,
}

impl LangGuess {
    pub fn und() -> Self {
        LangGuess { code: "und".into(), confidence: 0.0 }
    }

    pub fn is_und(&self) -> bool {
        self.code == "und"
    }
}

impl Default for LangGuess {
    fn default() -> Self {
        Self::und()
    }
}

#[derive(Clone, Debug, Default)]
pub struct LanguageAnalysis {
    pub document: LangGuess,
    /// One per `TextModel::paragraphs` entry.
    pub paragraphs: Vec<LangGuess>,
    /// One per `TextModel::sentences` entry.
    pub sentences: Vec<LangGuess>,
}

/// `expected`: the language the text should be in (`--lang`, metadata); `other`: the source's
/// language when known. Both narrow the set of candidate languages.
pub fn analyze(
    doc: &Document,
    text: &TextModel,
    expected: Option<&str>,
    _other: Option<&str>,
) -> LanguageAnalysis {
    let _ = doc;
    let code = expected.unwrap_or("und").to_string();
    LanguageAnalysis {
        document: LangGuess { code, confidence: 0.0 },
        paragraphs: vec![LangGuess::und(); text.paragraphs.len()],
        sentences: vec![LangGuess::und(); text.sentences.len()],
    }
}
