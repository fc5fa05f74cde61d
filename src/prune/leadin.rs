//! Lead-ins to other content: a line that is only "Read also" / "Lire aussi" / "Lesen Sie
//! auch" (in any language of the lexicon), and single lines that put such a lead-in before
//! another article's headline (`Read also: <headline>`, `Related: A | B`).

use super::phrases::Class;
use super::{Ctx, Rule};
use crate::block::{Block, Reason};
use crate::features::tokens;

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
        for b in blocks.iter_mut().filter(|b| b.kept()) {
            let f = &b.features;
            if f.words > MAX_WORDS || f.sentences >= 2 {
                continue;
            }
            if f.phrase.whole == Some(Class::LeadIn) {
                b.drop_for(Reason::LeadIn);
                continue;
            }
            if let Some((Class::LeadIn, covered)) = f.phrase.prefix {
                let covered = covered as usize;
                if has_separator_after(&b.text, covered) || (covered >= 2 && !f.ends_sentence) {
                    b.drop_for(Reason::LeadIn);
                }
            }
        }
    }
}

/// Whether a separator (`:`, `|`, `-`, `–`, `—`, `»`, `>`) follows the first `words` words.
fn has_separator_after(text: &str, words: usize) -> bool {
    let Some(t) = tokens(text).nth(words.saturating_sub(1)) else {
        return false;
    };
    text[t.end..]
        .trim_start()
        .starts_with([':', '|', '-', '–', '—', '»', '>', '：', '›', '→'])
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
