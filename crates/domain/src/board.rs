//! The champions' board: tips and good practice that digital champions, trainers and
//! administrators post for everyone, each with comments and perhaps a competence.

use crate::Invalid;
use crate::comments::written;

/// The longest title of a post, in characters.
pub const MOST_TITLE: usize = 200;
/// The longest post, in characters.
pub const MOST_TEXT: usize = 8000;

/// A post's title: one line.
pub fn parse_title(raw: &str) -> Result<String, Invalid> {
    let title = written(
        raw,
        MOST_TITLE,
        "board-title-missing",
        "board-title-too-long",
    )?;
    if title.contains('\n') {
        return Err(Invalid("board-title-one-line"));
    }
    Ok(title)
}

/// A post's text: plain text, paragraphs split by blank lines.
pub fn parse_text(raw: &str) -> Result<String, Invalid> {
    written(raw, MOST_TEXT, "board-text-missing", "board-text-too-long")
}

/// A tip of the demo organisation's board, in English and Welsh: (title, text, comments).
pub struct DemoTip {
    pub en: (&'static str, &'static str, &'static [&'static str]),
    pub cy: (&'static str, &'static str, &'static [&'static str]),
}

/// The demo's tips, the latest last.
pub const DEMO_TIPS: [DemoTip; 3] = [
    DemoTip {
        en: (
            "Let them hold the mouse",
            "When you help someone at a PC, sit beside them and keep your hands in your lap. They remember what they did themselves, not what they watched you do.\n\nIf you must show them, do it once, then undo it and let them try.",
            &[
                "This works with phones too: I ask them to hold it and I point.",
                "Useful for new volunteers, thank you.",
            ],
        ),
        cy: (
            "Gadewch iddyn nhw ddal y llygoden",
            "Pan fyddwch chi'n helpu rhywun wrth gyfrifiadur, eisteddwch wrth eu hochr a chadwch eich dwylo yn eich côl. Maen nhw'n cofio beth wnaethon nhw eu hunain, nid beth welson nhw chi'n ei wneud.\n\nOs oes rhaid i chi ddangos, gwnewch hynny unwaith, yna ei ddadwneud a gadael iddyn nhw roi cynnig arni.",
            &[
                "Mae hyn yn gweithio gyda ffonau hefyd: rwy'n gofyn iddyn nhw ei ddal ac rwy'n pwyntio.",
                "Defnyddiol i wirfoddolwyr newydd, diolch.",
            ],
        ),
    },
    DemoTip {
        en: (
            "What to do with an old Windows 10 laptop",
            "Windows 10 gets no more security updates. Three choices to give people: check whether it can upgrade free to Windows 11 (Settings, Windows Update); if not, use it offline only, for letters and photos; or recycle it through the council's electronics collection after wiping it.\n\nNever say it is fine for online banking.",
            &["Printed this for the Tuesday surgery: people took copies home."],
        ),
        cy: (
            "Beth i'w wneud â hen liniadur Windows 10",
            "Nid yw Windows 10 yn cael mwy o ddiweddariadau diogelwch. Tri dewis i'w rhoi i bobl: gwirio a all uwchraddio am ddim i Windows 11 (Gosodiadau, Windows Update); os na, ei ddefnyddio all-lein yn unig, ar gyfer llythyrau a lluniau; neu ei ailgylchu drwy gasgliad electroneg y cyngor ar ôl ei glirio.\n\nPeidiwch byth â dweud ei fod yn iawn ar gyfer bancio ar-lein.",
            &["Argraffais hwn ar gyfer sesiwn galw heibio dydd Mawrth: aeth pobl â chopïau adref."],
        ),
    },
    DemoTip {
        en: (
            "A scam check in three questions",
            "Before anyone clicks: Were you expecting it? Does it rush you? Does it ask for a code, a password or money? Two yeses and it is probably a scam: forward texts to 7726 and emails to report@phishing.gov.uk.",
            &[],
        ),
        cy: (
            "Gwiriad sgam mewn tri chwestiwn",
            "Cyn i unrhyw un glicio: Oeddech chi'n ei ddisgwyl? Ydy e'n eich brysio? Ydy e'n gofyn am god, cyfrinair neu arian? Dau ie ac mae'n debyg ei fod yn sgam: anfonwch negeseuon testun ymlaen i 7726 ac e-byst i report@phishing.gov.uk.",
            &[],
        ),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_one_line_and_a_text_has_paragraphs() {
        assert_eq!(parse_title("  Tip  "), Ok("Tip".into()));
        assert_eq!(parse_title("a\nb"), Err(Invalid("board-title-one-line")));
        assert_eq!(parse_title(""), Err(Invalid("board-title-missing")));
        assert_eq!(parse_text("one\r\n\r\ntwo"), Ok("one\n\ntwo".into()));
        assert_eq!(
            parse_text(&"x".repeat(MOST_TEXT + 1)),
            Err(Invalid("board-text-too-long"))
        );
    }
}
