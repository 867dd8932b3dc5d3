//! Accounts and the roles that decide what a person may see and do.

use crate::Invalid;
use serde::{Deserialize, Serialize};

/// A role an account holds. Every account is a learner; the others add to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Learner,
    Champion,
    Trainer,
    Manager,
    Admin,
    /// Coordinates the networks their organisation runs: publishes network campaigns and sees
    /// the network's figures (and members' own, where they share them).
    Coordinator,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Learner,
        Role::Champion,
        Role::Trainer,
        Role::Manager,
        Role::Admin,
        Role::Coordinator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Champion => "champion",
            Role::Trainer => "trainer",
            Role::Manager => "manager",
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == raw.trim().to_lowercase())
            .ok_or(Invalid("invalid-role"))
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The set of roles an account holds; always includes [`Role::Learner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Roles(u8);

impl Default for Roles {
    fn default() -> Self {
        Roles(Role::Learner.bit())
    }
}

impl FromIterator<Role> for Roles {
    fn from_iter<I: IntoIterator<Item = Role>>(roles: I) -> Self {
        roles
            .into_iter()
            .fold(Roles::default(), |acc, r| acc.with(r))
    }
}

impl Roles {
    pub fn with(self, role: Role) -> Self {
        Roles(self.0 | role.bit())
    }

    pub fn has(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.has(*r))
    }

    pub fn is_admin(self) -> bool {
        self.has(Role::Admin)
    }

    /// Managers see the people they manage; admins see everyone.
    pub fn can_see_others(self) -> bool {
        self.has(Role::Manager) || self.has(Role::Admin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_account_is_a_learner() {
        let roles = Roles::from_iter([Role::Manager]);
        assert!(roles.has(Role::Learner));
        assert!(roles.has(Role::Manager));
        assert!(!roles.has(Role::Admin));
        assert_eq!(
            roles.iter().collect::<Vec<_>>(),
            vec![Role::Learner, Role::Manager]
        );
    }
}
