//! A campaign's columns as bytes, so that a server started afresh reads a few megabytes instead
//! of every rating again (see `docs/analysis.md`, "After a restart").
//!
//! The layout is versioned by [`FORMAT`]: bytes written by another format, cut short or
//! inconsistent are refused ([`CampaignColumns::from_snapshot`] gives `None`) and the caller
//! reads the answers instead, so a snapshot can never make a figure wrong, only slower.
//! Numbers are little-endian; every column is its length followed by its values.

use super::columns::{CampaignColumns, NONE, ProfileColumn};
use crate::QuestionId;

/// The layout written: bump it whenever [`CampaignColumns`] or its encoding changes.
pub const FORMAT: u32 = 1;

const MAGIC: &[u8; 4] = b"SGC\0";

/// `None` in [`CampaignColumns::person`].
const NO_PERSON: i64 = i64::MIN;

impl CampaignColumns {
    /// The columns as bytes that [`CampaignColumns::from_snapshot`] reads back.
    pub fn to_snapshot(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(self.size_in_bytes() + 64));
        w.0.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        w.u64(self.competences as u64);
        w.i64s(&self.sites);
        w.i64s(&self.teams);
        w.u32s(&self.asked_team);
        w.u32s(&self.asked_response);
        w.u32s(&self.asked_site_starts);
        w.u32s(&self.asked_sites);
        w.u64(self.ungrouped);
        w.bytes(&self.ratings);
        let person: Vec<i64> = self.person.iter().map(|p| p.unwrap_or(NO_PERSON)).collect();
        w.i64s(&person);
        w.i64s(&self.submitted);
        w.bytes(&self.job_family);
        w.bytes(&self.employment);
        w.bytes(&self.hours);
        w.bytes(&self.service);
        w.u64(self.profile.len() as u64);
        for p in &self.profile {
            w.i64s(&[p.question.0]);
            w.bytes(&p.answers);
        }
        let tested: Vec<u32> = self.tested.iter().map(|&t| t as u32).collect();
        w.u32s(&tested);
        w.bytes(&self.quiz_answered);
        w.bytes(&self.quiz_right);
        w.0
    }

    /// Columns from [`CampaignColumns::to_snapshot`]'s bytes, or `None` if they are of
    /// another format, cut short, or do not hang together.
    pub fn from_snapshot(bytes: &[u8]) -> Option<Self> {
        let mut r = Reader(bytes);
        if r.take(4)? != MAGIC || r.u32()? != FORMAT {
            return None;
        }
        let competences = usize::try_from(r.u64()?).ok()?;
        let sites = r.i64s()?;
        let teams = r.i64s()?;
        let asked_team = r.u32s()?;
        let asked_response = r.u32s()?;
        let asked_site_starts = r.u32s()?;
        let asked_sites = r.u32s()?;
        let ungrouped = r.u64()?;
        let ratings = r.bytes()?;
        let person = r
            .i64s()?
            .into_iter()
            .map(|p| (p != NO_PERSON).then_some(p))
            .collect();
        let submitted = r.i64s()?;
        let job_family = r.bytes()?;
        let employment = r.bytes()?;
        let hours = r.bytes()?;
        let service = r.bytes()?;
        let profiles = usize::try_from(r.u64()?).ok()?;
        let mut profile = Vec::with_capacity(profiles.min(1024));
        for _ in 0..profiles {
            let question = QuestionId(*r.i64s()?.first()?);
            profile.push(ProfileColumn {
                question,
                answers: r.bytes()?,
            });
        }
        let tested = r.u32s()?.into_iter().map(|t| t as usize).collect();
        let quiz_answered = r.bytes()?;
        let quiz_right = r.bytes()?;
        if !r.0.is_empty() {
            return None;
        }
        let columns = Self {
            competences,
            sites,
            teams,
            asked_team,
            asked_response,
            asked_site_starts,
            asked_sites,
            ungrouped,
            ratings,
            person,
            submitted,
            job_family,
            employment,
            hours,
            service,
            profile,
            tested,
            quiz_answered,
            quiz_right,
        };
        columns.hangs_together().then_some(columns)
    }

    /// Every column the right length and every position within what it points into: what
    /// the figures index by without checking.
    fn hangs_together(&self) -> bool {
        let responses = self.responses();
        let asked = self.asked();
        let per_response = |len: usize, width: usize| Some(len) == responses.checked_mul(width);
        let within = |v: &[u32], n: usize| v.iter().all(|&x| x == NONE || (x as usize) < n);
        per_response(self.ratings.len(), self.competences)
            && per_response(self.person.len(), 1)
            && per_response(self.submitted.len(), 1)
            && per_response(self.employment.len(), 1)
            && per_response(self.hours.len(), 1)
            && per_response(self.service.len(), 1)
            && self
                .profile
                .iter()
                .all(|p| per_response(p.answers.len(), 1))
            && per_response(self.quiz_answered.len(), self.tested.len())
            && per_response(self.quiz_right.len(), self.tested.len())
            && self.tested.iter().all(|&t| t < self.competences)
            && self.asked_response.len() == asked
            && within(&self.asked_team, self.teams.len())
            && within(&self.asked_response, responses)
            && (self.asked_site_starts.is_empty() && asked == 0
                || self.asked_site_starts.len() == asked + 1)
            && self.asked_site_starts.first().is_none_or(|&s| s == 0)
            && self.asked_site_starts.windows(2).all(|w| w[0] <= w[1])
            && self
                .asked_site_starts
                .last()
                .is_none_or(|&s| s as usize == self.asked_sites.len())
            && self
                .asked_sites
                .iter()
                .all(|&s| (s as usize) < self.sites.len())
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }
    fn u64(&mut self, n: u64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn u32s(&mut self, v: &[u32]) {
        self.u64(v.len() as u64);
        v.iter().for_each(|n| self.u32(*n));
    }
    fn i64s(&mut self, v: &[i64]) {
        self.u64(v.len() as u64);
        v.iter()
            .for_each(|n| self.0.extend_from_slice(&n.to_le_bytes()));
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// A length, and the bytes of that many values of `width` bytes.
    fn column(&mut self, width: usize) -> Option<&'a [u8]> {
        let len = usize::try_from(self.u64()?).ok()?;
        self.take(len.checked_mul(width)?)
    }
    fn bytes(&mut self) -> Option<Vec<u8>> {
        Some(self.column(1)?.to_vec())
    }
    fn u32s(&mut self) -> Option<Vec<u32>> {
        Some(
            self.column(4)?
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }
    fn i64s(&mut self) -> Option<Vec<i64>> {
        Some(
            self.column(8)?
                .chunks_exact(8)
                .map(|c| i64::from_le_bytes(c.try_into().expect("eight bytes")))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::columns::NO_ANSWER;

    fn sample() -> CampaignColumns {
        CampaignColumns {
            competences: 3,
            sites: vec![10, 11],
            teams: vec![20],
            asked_team: vec![0, NONE, 0],
            asked_response: vec![1, 0, NONE],
            asked_site_starts: vec![0, 1, 3, 3],
            asked_sites: vec![0, 0, 1],
            ungrouped: 1,
            ratings: vec![1, 2, 3, 6, 0, 5, 4, 4, 4],
            person: vec![Some(7), Some(8), None],
            submitted: vec![3, 1, 2],
            job_family: vec![0, 2, NO_ANSWER],
            employment: vec![1, 0, NO_ANSWER],
            hours: vec![0, 1, NO_ANSWER],
            service: vec![3, 2, NO_ANSWER],
            profile: vec![ProfileColumn {
                question: QuestionId(44),
                answers: vec![0, NO_ANSWER, 1],
            }],
            tested: vec![0, 2],
            quiz_answered: vec![2, 1, 0, 0, 3, 3],
            quiz_right: vec![1, 1, 0, 0, 2, 3],
        }
    }

    #[test]
    fn columns_read_back_as_they_were_written() {
        let columns = sample();
        assert_eq!(
            CampaignColumns::from_snapshot(&columns.to_snapshot()),
            Some(columns)
        );
        let empty = CampaignColumns::default();
        assert_eq!(
            CampaignColumns::from_snapshot(&empty.to_snapshot()),
            Some(empty)
        );
    }

    #[test]
    fn bytes_of_another_format_cut_short_or_inconsistent_are_refused() {
        let bytes = sample().to_snapshot();
        for cut in 0..bytes.len() {
            assert_eq!(CampaignColumns::from_snapshot(&bytes[..cut]), None, "{cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(CampaignColumns::from_snapshot(&longer), None);
        let mut other_format = bytes.clone();
        other_format[4] = other_format[4].wrapping_add(1);
        assert_eq!(CampaignColumns::from_snapshot(&other_format), None);

        let mut team_out_of_range = sample();
        team_out_of_range.asked_team[1] = 1;
        let mut site_out_of_range = sample();
        site_out_of_range.asked_sites[2] = 2;
        let mut response_out_of_range = sample();
        response_out_of_range.asked_response[2] = 3;
        let mut ratings_short = sample();
        ratings_short.ratings.pop();
        let mut tested_out_of_range = sample();
        tested_out_of_range.tested[1] = 3;
        let mut starts_backwards = sample();
        starts_backwards.asked_site_starts[1] = 2;
        starts_backwards.asked_site_starts[2] = 1;
        for broken in [
            team_out_of_range,
            site_out_of_range,
            response_out_of_range,
            ratings_short,
            tested_out_of_range,
            starts_backwards,
        ] {
            assert_eq!(
                CampaignColumns::from_snapshot(&broken.to_snapshot()),
                None,
                "{broken:?}"
            );
        }
    }
}
