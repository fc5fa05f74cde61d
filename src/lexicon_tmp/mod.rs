//! tmp
/// x
pub struct Language {
    /// x
    pub code: &'static str,
    /// x
    pub name: &'static str,
    /// x
    pub stopwords: &'static [&'static str],
    /// x
    pub lead_ins: &'static [&'static str],
    /// x
    pub boilerplate: &'static [&'static str],
    /// x
    pub credit_prefixes: &'static [&'static str],
    /// x
    pub abbreviations: &'static [&'static str],
}
/// x
pub static EN: Language = Language {
    code: "en",
    name: "English",
    stopwords: &[
        "the", "a", "an", "of", "to", "in", "and", "is", "was", "for", "on", "that", "with", "as",
        "by", "at", "it", "he", "she", "they", "from", "be", "have", "has", "had", "his", "her",
        "their", "this", "not", "but", "or", "are", "were", "will", "would", "said",
    ],
    lead_ins: &[
        "read also",
        "read more",
        "related articles",
        "related stories",
        "you may also like",
        "recommended for you",
        "more from this section",
        "trending now",
        "see also",
        "most popular",
    ],
    boilerplate: &[
        "advertisement",
        "share this article",
        "follow us on social media",
        "subscribe to our newsletter",
        "continue reading below",
        "min read",
    ],
    credit_prefixes: &["photo", "image", "credit"],
    abbreviations: &["etc", "vs", "mr", "dr"],
};
/// x
pub static FR: Language = Language {
    code: "fr",
    name: "French",
    stopwords: &[
        "le", "la", "les", "de", "des", "du", "un", "une", "et", "à", "en", "au", "aux", "dans",
        "pour", "par", "sur", "avec", "qui", "que", "est", "a", "ont", "sont", "ce", "cette", "il",
        "elle", "ils", "leur", "leurs", "se", "ne", "pas", "plus",
    ],
    lead_ins: &["lire aussi", "à lire aussi"],
    boilerplate: &["publicité"],
    credit_prefixes: &["crédit photo"],
    abbreviations: &["etc"],
};
/// x
pub static LANGUAGES: &[&Language] = &[&EN, &FR];
