//! Free-text answers: the words and two-word phrases people use most, in English and Welsh,
//! and which of a question's answers and groups may be shown.
//!
//! A word is a run of letters and digits, with an apostrophe inside it kept (`don't`,
//! `mae'n`, `i'r`), lowercased; a Welsh letter written with a combining accent counts as the
//! letter written whole (`w` + U+0302 is `ŵ`). Words without a letter, words of one letter and
//! the stop-words of either language are left out. A phrase is two kept words next to each
//! other in one sentence (a stop-word, or the end of a sentence or clause, breaks it). Each
//! answer counts a word or phrase once, however often it uses it, so one long answer cannot
//! fill the list.
//!
//! Anonymity (see [`summarise`]): a question's answers are shown only when at least k finished
//! responses answered it; a group's words only when at least k of its people answered, and the
//! groups left out together (with the answers in no group) hold none or at least k answers, or
//! more are left out. In a group's list a word or phrase is shown only when at least k of the
//! group's answers use it, so that no single answer can be traced to its group.

use super::anonymity::{AnonymityThreshold, Suppressed};
use std::collections::HashMap;

/// How many words and phrases a list shows.
pub const TOP: usize = 10;

/// English stop-words: too common to say anything about an answer.
const ENGLISH: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "don't", "for",
    "from", "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
    "his", "how", "i", "i'd", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's",
    "its", "just", "me", "more", "most", "my", "no", "not", "of", "on", "or", "our", "ours", "out",
    "over", "so", "some", "such", "than", "that", "that's", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "too", "up", "us", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would",
    "you", "your", "because", "before", "both", "can't", "each", "few", "i'll", "may", "might",
    "must", "only", "other", "should", "there's", "they're", "through", "we're", "you're",
];

/// Welsh stop-words, with the short forms joined by an apostrophe that Welsh writes often.
const WELSH: &[&str] = &[
    "a", "a'i", "a'r", "ac", "am", "ar", "ble", "bod", "beth", "byddai", "bydd", "cael", "ddim",
    "dros", "drwy", "dw", "dwi", "dyma", "dyna", "e", "ei", "eich", "ein", "eu", "fe", "fi", "fod",
    "fy", "gan", "gyda", "hefyd", "hi", "hwn", "hwnnw", "hyn", "hynny", "i", "i'r", "i'w", "iawn",
    "maen", "mae", "mae'n", "mewn", "mi", "na", "nad", "neu", "ni", "nid", "o", "o'r", "oedd",
    "oes", "ond", "os", "pan", "pob", "rhai", "roedd", "rwy'n", "rydw", "rydyn", "sy", "sy'n",
    "sydd", "ti", "trwy", "wedi", "wrth", "y", "ychydig", "yma", "yn", "yr", "yw", "ydy", "ydw",
    "â", "chi", "dim", "fo", "nhw", "ym", "yng",
];

/// Whether a lowercased word is a stop-word of either language.
pub fn is_stop_word(word: &str) -> bool {
    ENGLISH.contains(&word) || WELSH.contains(&word)
}

/// A letter with a combining accent, written whole: the Welsh vowels with a circumflex,
/// diaeresis, acute or grave accent.
fn compose(base: char, mark: char) -> Option<char> {
    const TABLE: [(char, [char; 7]); 4] = [
        ('\u{302}', ['â', 'ê', 'î', 'ô', 'û', 'ŵ', 'ŷ']),
        ('\u{308}', ['ä', 'ë', 'ï', 'ö', 'ü', 'ẅ', 'ÿ']),
        ('\u{301}', ['á', 'é', 'í', 'ó', 'ú', 'ẃ', 'ý']),
        ('\u{300}', ['à', 'è', 'ì', 'ò', 'ù', 'ẁ', 'ỳ']),
    ];
    let at = "aeiouwy".find(base)?;
    TABLE
        .iter()
        .find(|(m, _)| *m == mark)
        .map(|(_, letters)| letters[at])
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Ends a sentence or a clause: no phrase runs across it.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | ':' | ',' | '\n' | '\r' | '…' | '(' | ')' | '"' | '“' | '”'
    )
}

/// An answer's words, lowercased, by sentence or clause, stop-words left in.
fn clauses(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    let finish = |word: &mut String, out: &mut Vec<Vec<String>>| {
        if !word.is_empty() {
            out.last_mut()
                .expect("one clause")
                .push(std::mem::take(word));
        }
    };
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if is_combining(c) && !word.is_empty() {
            let last = word.pop().expect("not empty");
            match compose(last, c) {
                Some(whole) => word.push(whole),
                None => {
                    word.push(last);
                    word.push(c);
                }
            }
        } else if matches!(c, '\'' | '’')
            && !word.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            // Inside a word (`don't`, `mae'n`): one word, as Unicode's word boundaries have it.
            word.push('\'');
        } else {
            finish(&mut word, &mut out);
            if ends_clause(c) && !out.last().expect("one clause").is_empty() {
                out.push(Vec::new());
            }
        }
    }
    finish(&mut word, &mut out);
    out.retain(|c| !c.is_empty());
    out
}

/// Whether a word says something: a letter in it, more than one character, not a stop-word.
fn kept(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && word.chars().nth(1).is_some() && !is_stop_word(word)
}

/// An answer's kept words, and its phrases (two kept words next to each other in a clause).
pub fn words_and_phrases(text: &str) -> (Vec<String>, Vec<String>) {
    let mut words = Vec::new();
    let mut phrases = Vec::new();
    for clause in clauses(text) {
        let mut previous: Option<&str> = None;
        for w in &clause {
            if kept(w) {
                if let Some(p) = previous {
                    phrases.push(format!("{p} {w}"));
                }
                words.push(w.clone());
                previous = Some(w);
            } else {
                previous = None;
            }
        }
    }
    (words, phrases)
}

/// A word or phrase and how many answers use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub text: String,
    pub answers: usize,
}

/// The words and phrases used most, most first, each with how many answers use it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frequent {
    pub words: Vec<Counted>,
    pub phrases: Vec<Counted>,
}

/// The `top` words and phrases the answers use most, counting each once an answer; those used
/// by fewer than `at_least` answers are left out. Ties go in alphabetical order.
pub fn frequent<'a>(
    answers: impl IntoIterator<Item = &'a str>,
    top: usize,
    at_least: usize,
) -> Frequent {
    let mut tally = Tally::default();
    for answer in answers {
        tally.add(&Used::of(answer));
    }
    tally.most(top, at_least)
}

/// The different words and phrases one answer uses, each once.
struct Used {
    words: Vec<String>,
    phrases: Vec<String>,
}

impl Used {
    fn of(answer: &str) -> Self {
        let (mut words, mut phrases) = words_and_phrases(answer);
        for list in [&mut words, &mut phrases] {
            list.sort_unstable();
            list.dedup();
        }
        Self { words, phrases }
    }
}

/// How many answers use each word and phrase.
#[derive(Default)]
struct Tally {
    words: HashMap<String, usize>,
    phrases: HashMap<String, usize>,
}

impl Tally {
    fn add(&mut self, used: &Used) {
        for (counts, list) in [
            (&mut self.words, &used.words),
            (&mut self.phrases, &used.phrases),
        ] {
            for item in list {
                // A word already counted is not copied again: most words are.
                match counts.get_mut(item.as_str()) {
                    Some(n) => *n += 1,
                    None => {
                        counts.insert(item.clone(), 1);
                    }
                }
            }
        }
    }

    fn most(self, top: usize, at_least: usize) -> Frequent {
        let most = |counts: HashMap<String, usize>| {
            let mut out: Vec<Counted> = counts
                .into_iter()
                .filter(|(_, n)| *n >= at_least.max(1))
                .map(|(text, answers)| Counted { text, answers })
                .collect();
            out.sort_by(|a, b| b.answers.cmp(&a.answers).then_with(|| a.text.cmp(&b.text)));
            out.truncate(top);
            out
        };
        Frequent {
            words: most(self.words),
            phrases: most(self.phrases),
        }
    }
}

/// One group's answers to a question, as far as they may be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupWords {
    /// How many of the group answered; `None` when the group is left out.
    pub answers: Option<usize>,
    pub shown: Suppressed,
    /// Only words and phrases that at least k of the group's answers use.
    pub frequent: Frequent,
}

/// What may be shown of a free-text question's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// How many answered; `None` when fewer than the threshold did (and then nothing is shown).
    pub answered: Option<usize>,
    /// The answers, in alphabetical order: never in the order they came in or by person.
    pub answers: Vec<String>,
    pub everyone: Frequent,
    /// By group position; the groups nobody answered in are shown, with nothing in them.
    pub groups: Vec<GroupWords>,
    /// Groups with answers that are left out.
    pub left_out: usize,
}

/// A question's answers, each with its group (by position, `None` when in no group): which may
/// be shown, with the words and phrases used most (see the module for the rules). Blank answers
/// count as none.
pub fn summarise(
    answers: &[(&str, Option<usize>)],
    groups: usize,
    threshold: AnonymityThreshold,
) -> Summary {
    let k = threshold.get();
    let answers: Vec<(&str, Option<usize>)> = answers
        .iter()
        .map(|(text, g)| (text.trim(), g.filter(|g| *g < groups)))
        .filter(|(text, _)| !text.is_empty())
        .collect();
    if answers.len() < k {
        return Summary {
            answered: None,
            answers: Vec::new(),
            everyone: Frequent::default(),
            groups: (0..groups)
                .map(|_| GroupWords {
                    answers: None,
                    shown: Suppressed::TooSmall,
                    frequent: Frequent::default(),
                })
                .collect(),
            left_out: 0,
        };
    }
    let mut size = vec![0usize; groups];
    let mut ungrouped = 0;
    for (_, g) in &answers {
        match g {
            Some(g) => size[*g] += 1,
            None => ungrouped += 1,
        }
    }
    let mut shown: Vec<Suppressed> = size
        .iter()
        .map(|n| match n {
            1.. if *n < k => Suppressed::TooSmall,
            _ => Suppressed::Shown,
        })
        .collect();
    // The groups left out and the answers in no group, together: none or at least k, or the
    // smallest group still shown goes too (else the whole less the groups shown gives them).
    loop {
        let hidden: usize = ungrouped
            + (0..groups)
                .filter(|g| !shown[*g].is_shown())
                .map(|g| size[g])
                .sum::<usize>();
        if hidden == 0 || hidden >= k {
            break;
        }
        let Some(smallest) = (0..groups)
            .filter(|g| shown[*g].is_shown() && size[*g] > 0)
            .min_by_key(|g| (size[*g], *g))
        else {
            break;
        };
        shown[smallest] = Suppressed::Complementary;
    }
    // Each answer read once, into everyone's tally and its group's, if its group is shown.
    let mut everyone = Tally::default();
    let mut by_group: Vec<Option<Tally>> = (0..groups)
        .map(|g| (shown[g].is_shown() && size[g] > 0).then(Tally::default))
        .collect();
    for (text, g) in &answers {
        let used = Used::of(text);
        everyone.add(&used);
        if let Some(Some(tally)) = g.map(|g| by_group[g].as_mut()) {
            tally.add(&used);
        }
    }
    let mut sorted: Vec<String> = answers.iter().map(|(t, _)| t.to_string()).collect();
    sorted.sort_by_cached_key(|t| (t.to_lowercase(), t.clone()));
    Summary {
        answered: Some(answers.len()),
        everyone: everyone.most(TOP, 1),
        groups: by_group
            .into_iter()
            .enumerate()
            .map(|(g, tally)| {
                let visible = shown[g].is_shown();
                GroupWords {
                    answers: visible.then_some(size[g]),
                    shown: shown[g],
                    frequent: match tally {
                        Some(tally) => tally.most(TOP, k),
                        None => Frequent::default(),
                    },
                }
            })
            .collect(),
        left_out: (0..groups)
            .filter(|g| !shown[*g].is_shown() && size[*g] > 0)
            .count(),
        answers: sorted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(n: i64) -> AnonymityThreshold {
        AnonymityThreshold::new(n).unwrap()
    }

    fn texts(counted: &[Counted]) -> Vec<(&str, usize)> {
        counted
            .iter()
            .map(|c| (c.text.as_str(), c.answers))
            .collect()
    }

    #[test]
    fn english_stop_words_are_left_out() {
        let (words, phrases) = words_and_phrases("I would like training on the new catalogue");
        assert_eq!(words, ["like", "training", "new", "catalogue"]);
        assert_eq!(phrases, ["like training", "new catalogue"]);
    }

    #[test]
    fn welsh_stop_words_are_left_out_and_its_letters_kept() {
        let (words, phrases) =
            words_and_phrases("Mae'n anodd cael amser i ddysgu sgiliau digidol yn y gwaith");
        assert_eq!(
            words,
            ["anodd", "amser", "ddysgu", "sgiliau", "digidol", "gwaith"]
        );
        assert_eq!(phrases, ["ddysgu sgiliau", "sgiliau digidol"]);
        // Circumflexes, written whole or with a combining accent, and digraphs as letters.
        let (words, _) = words_and_phrases("Dŵr a thŷ. Dw\u{302}r, ty\u{302}! Llyfrgell ddigidol");
        assert_eq!(words, ["dŵr", "thŷ", "dŵr", "tŷ", "llyfrgell", "ddigidol"]);
        assert!(is_stop_word("â") && is_stop_word("yr") && is_stop_word("mae'n"));
    }

    #[test]
    fn phrases_stay_within_a_sentence_and_apostrophes_within_a_word() {
        let (words, phrases) =
            words_and_phrases("Social media. Media literacy, don't know; customers’ needs");
        assert_eq!(
            words,
            [
                "social",
                "media",
                "media",
                "literacy",
                "know",
                "customers",
                "needs"
            ]
        );
        assert_eq!(
            phrases,
            ["social media", "media literacy", "customers needs"]
        );
        // Numbers and single letters say nothing; words with digits in them do.
        let (words, _) = words_and_phrases("2 x 3 covid19 ok");
        assert_eq!(words, ["covid19", "ok"]);
    }

    #[test]
    fn counts_are_answers_sorted_by_count_then_word() {
        let answers = [
            "Digital skills, digital skills, digital skills",
            "More digital skills please",
            "Customer service and digital inclusion",
            "customer service",
        ];
        let f = frequent(answers, TOP, 1);
        // One answer using a word three times counts once.
        assert_eq!(
            texts(&f.words)[..4],
            [
                ("digital", 3),
                ("customer", 2),
                ("service", 2),
                ("skills", 2)
            ]
        );
        assert_eq!(
            texts(&f.phrases),
            [
                ("customer service", 2),
                ("digital skills", 2),
                ("digital inclusion", 1),
                ("skills please", 1),
            ]
        );
        // The top few only, and those used by enough answers.
        let f = frequent(answers, 2, 2);
        assert_eq!(texts(&f.words), [("digital", 3), ("customer", 2)]);
        assert_eq!(texts(&frequent(answers, TOP, 3).phrases), []);
    }

    fn answers(groups: &[(usize, Option<usize>)]) -> Vec<(String, Option<usize>)> {
        let mut out = Vec::new();
        for (n, g) in groups {
            for _ in 0..*n {
                out.push((format!("answer {} about shelving", out.len()), *g));
            }
        }
        out
    }

    fn summary(groups: &[(usize, Option<usize>)], count: usize, threshold: i64) -> Summary {
        let owned = answers(groups);
        let borrowed: Vec<(&str, Option<usize>)> =
            owned.iter().map(|(t, g)| (t.as_str(), *g)).collect();
        summarise(&borrowed, count, k(threshold))
    }

    #[test]
    fn nothing_is_shown_until_k_have_answered() {
        let s = summary(&[(2, Some(0)), (2, None)], 2, 5);
        assert_eq!(s.answered, None);
        assert!(s.answers.is_empty() && s.everyone.words.is_empty());
        assert!(s.groups.iter().all(|g| g.answers.is_none()));
        // Blank answers are no answers.
        let blank = [("  ", Some(0)); 9];
        assert_eq!(summarise(&blank, 1, k(3)).answered, None);
        let s = summary(&[(3, Some(0)), (2, None)], 2, 5);
        assert_eq!(s.answered, Some(5));
        assert_eq!(s.answers.len(), 5);
        assert_eq!(texts(&s.everyone.words), [("answer", 5), ("shelving", 5)]);
    }

    #[test]
    fn small_groups_are_left_out_and_so_is_one_that_would_give_them_away() {
        // Group 1 has 2 answers: left out; with nobody ungrouped, 2 < 3 hidden, so the
        // smallest group shown (group 2, 4 answers) goes too.
        let s = summary(&[(6, Some(0)), (2, Some(1)), (4, Some(2))], 4, 3);
        let shown: Vec<_> = s.groups.iter().map(|g| (g.answers, g.shown)).collect();
        assert_eq!(
            shown,
            [
                (Some(6), Suppressed::Shown),
                (None, Suppressed::TooSmall),
                (None, Suppressed::Complementary),
                (Some(0), Suppressed::Shown),
            ]
        );
        assert_eq!(s.left_out, 2);
        // Enough answers in no group already hide the small group among them.
        let s = summary(&[(6, Some(0)), (2, Some(1)), (4, Some(2)), (1, None)], 3, 3);
        assert_eq!(s.groups[2].answers, Some(4));
        assert_eq!(s.left_out, 1);
        // A group shown lists only what k of its answers use.
        assert_eq!(
            texts(&s.groups[0].frequent.words),
            [("answer", 6), ("shelving", 6)]
        );
    }

    #[test]
    fn answers_are_in_alphabetical_order_never_as_they_came() {
        let given = [
            ("zebra crossings", None),
            ("Apple devices", Some(0)),
            ("apple devices", Some(0)),
            ("  mobile library  ", None),
        ];
        let s = summarise(&given, 1, k(3));
        assert_eq!(
            s.answers,
            [
                "Apple devices",
                "apple devices",
                "mobile library",
                "zebra crossings"
            ]
        );
    }
}
