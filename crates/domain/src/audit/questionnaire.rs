//! The respondent's path through a campaign: one short section per page, in a fixed order, with
//! progress and an honest time estimate.

/// One page of the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The profile questions, together: they are short.
    Profile,
    /// The ratings of one framework area's competences (by index among the campaign's areas).
    Area(usize),
    /// One page of the knowledge round (by page number from 0).
    Quiz(usize),
    /// How confident the person is helping people with the catalogue's services the campaign
    /// asks about: last, so that the other sections keep their numbers whether it is asked or
    /// not (it is not asked through a public link).
    Services,
}

/// How a campaign's questions fall into pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    pub sections: Vec<Section>,
    pub ratings: usize,
    pub profile_questions: usize,
    pub quiz_items: usize,
    /// Services asked about, on the last page.
    pub services: usize,
}

/// Knowledge-round questions on one page.
pub const QUIZ_PAGE: usize = 4;

// Seconds it takes to answer, measured against paper trials of similar audits: a rating with
// its descriptors, a profile question, a quiz question (reading a picture takes longer).
const SECONDS_PER_RATING: usize = 12;
const SECONDS_PER_PROFILE_QUESTION: usize = 15;
const SECONDS_PER_QUIZ_ITEM: usize = 30;
// A service's confidence question is read like a rating, without a descriptor to weigh.
const SECONDS_PER_SERVICE: usize = 10;

impl Questionnaire {
    /// `areas` holds how many competences are rated in each area, in order.
    pub fn new(areas: &[usize], profile_questions: usize, quiz_items: usize) -> Self {
        let mut sections = Vec::new();
        if profile_questions > 0 {
            sections.push(Section::Profile);
        }
        sections.extend(
            areas
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(i, _)| Section::Area(i)),
        );
        sections.extend((0..quiz_items.div_ceil(QUIZ_PAGE)).map(Section::Quiz));
        Self {
            sections,
            ratings: areas.iter().sum(),
            profile_questions,
            quiz_items,
            services: 0,
        }
    }

    /// With a last page asking about `services` services (none: no page).
    pub fn with_services(mut self, services: usize) -> Self {
        self.sections.retain(|s| *s != Section::Services);
        if services > 0 {
            self.sections.push(Section::Services);
        }
        self.services = services;
        self
    }

    /// Whole minutes it is likely to take, rounded up, never less than one.
    pub fn minutes(&self) -> usize {
        let seconds = self.ratings * SECONDS_PER_RATING
            + self.profile_questions * SECONDS_PER_PROFILE_QUESTION
            + self.quiz_items * SECONDS_PER_QUIZ_ITEM
            + self.services * SECONDS_PER_SERVICE;
        seconds.div_ceil(60).max(1)
    }

    /// The section at a 1-based page number, as in URLs.
    pub fn section(&self, number: usize) -> Option<Section> {
        number
            .checked_sub(1)
            .and_then(|i| self.sections.get(i))
            .copied()
    }

    pub fn len(&self) -> usize {
        self.sections.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// The quiz items on a knowledge-round page, as a range of positions.
    pub fn quiz_items_on(&self, page: usize) -> std::ops::Range<usize> {
        let start = page * QUIZ_PAGE;
        start.min(self.quiz_items)..(start + QUIZ_PAGE).min(self.quiz_items)
    }

    /// Where to resume: the first section not yet saved (1-based), or `None` when every
    /// section is saved and only checking and submitting remain.
    pub fn resume_at(&self, saved: &[usize]) -> Option<usize> {
        (1..=self.len()).find(|n| !saved.contains(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_come_in_order_profile_areas_quiz() {
        let q = Questionnaire::new(&[3, 0, 2], 5, 9);
        assert_eq!(
            q.sections,
            vec![
                Section::Profile,
                Section::Area(0),
                Section::Area(2),
                Section::Quiz(0),
                Section::Quiz(1),
                Section::Quiz(2)
            ]
        );
        assert_eq!(q.section(1), Some(Section::Profile));
        assert_eq!(q.section(0), None);
        assert_eq!(q.section(7), None);
        assert_eq!(q.quiz_items_on(2), 8..9);
        assert_eq!(q.ratings, 5);
    }

    #[test]
    fn services_come_last_and_only_when_asked() {
        let q = Questionnaire::new(&[2], 1, 5).with_services(3);
        assert_eq!(
            q.sections,
            vec![
                Section::Profile,
                Section::Area(0),
                Section::Quiz(0),
                Section::Quiz(1),
                Section::Services
            ]
        );
        assert_eq!(q.section(5), Some(Section::Services));
        // 2 × 12 s + 15 s + 5 × 30 s + 3 × 10 s = 219 s: 4 minutes.
        assert_eq!(q.minutes(), 4);
        let none = Questionnaire::new(&[2], 1, 5).with_services(0);
        assert_eq!(none, Questionnaire::new(&[2], 1, 5));
        assert_eq!(q.clone().with_services(0), none);
    }

    #[test]
    fn the_estimate_is_honest_and_rounded_up() {
        // 30 ratings × 12 s + 5 × 15 s + 12 × 30 s = 795 s: 14 minutes.
        assert_eq!(Questionnaire::new(&[10, 10, 10], 5, 12).minutes(), 14);
        assert_eq!(Questionnaire::new(&[1], 0, 0).minutes(), 1);
    }

    #[test]
    fn people_resume_at_the_first_unsaved_section() {
        let q = Questionnaire::new(&[2, 2], 1, 4);
        assert_eq!(q.resume_at(&[]), Some(1));
        assert_eq!(q.resume_at(&[1, 2]), Some(3));
        assert_eq!(q.resume_at(&[1, 3]), Some(2));
        assert_eq!(q.resume_at(&[1, 2, 3, 4]), None);
    }
}
