//! Lead-ins to other content: a line that is only "Read also" / "Lire aussi" / "Lesen Sie
//! auch" (in any language of the lexicon), and single lines that put such a lead-in before
//! another article's headline ("Read also: <headline>", "Related: A | B").

use super::phrases::{normalise, Class, PHRASES};
use super::{Ctx, Rule};
use crate::block::{Block, Reason};

/// Removes lead-in lines.
pub struct LeadIn;

/// Lead-in lines with a headline after them are at most this long.
const MAX_WORDS: u32 = 45;

impl Rule for LeadIn {
    fn name(&self) -> &'static str {
        "lead-in"
    }
    fn doc(&self) -> &'static str {
        "\"Read also\" lead-ins, alone or before another article's headline"
    }
    fn needs_topic(&self) -> bool {
        false
    }
    fn apply(&self, blocks: &mut [Block], _ctx: &Ctx<'_>) {
        let mut buf = String::new();
        for b in blocks.iter_mut().filter(|b| b.kept()) {
            if b.features.words > MAX_WORDS || b.features.sentences >= 2 {
                continue;
            }
            normalise(&b.text, &mut buf);
            if PHRASES.whole_line(&buf) == Some(Class::LeadIn) {
                b.drop_for(Reason::LeadIn);
                continue;
            }
            if let Some((Class::LeadIn, covered)) = PHRASES.prefix(&buf) {
                if has_separator_after(&b.text, covered)
                    || (covered >= 2 && !b.features.ends_sentence)
                {
                    b.drop_for(Reason::LeadIn);
                }
            }
        }
    }
}

/// Whether a separator (`:`, `|`, `-`, `–`, `—`, `»`, `>`) follows the first `words` words.
fn has_separator_after(text: &str, words: usize) -> bool {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let alnum = c.is_alphanumeric() || c == '\'' || c == '’';
        if alnum && !in_word {
            seen += 1;
            if seen > words {
                return false;
            }
        }
        in_word = alnum;
        if !alnum && seen == words && !c.is_whitespace() {
            return matches!(
                c,
                ':' | '|' | '-' | '–' | '—' | '»' | '>' | '：' | '›' | '→'
            );
        }
        let _ = i;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separator() {
        assert!(has_separator_after("Read also: A headline", 2));
        assert!(has_separator_after("Lesen Sie auch – Titel", 3));
        assert!(!has_separator_after("Read also the report", 2));
    }
}
