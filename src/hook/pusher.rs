//! Who is pushing, as the git server says in the hook's environment: a
//! `TERTIAL_USER` set by the `command=` of the pusher's key in
//! `authorized_keys` (plain SSH), GitLab's `GL_USERNAME`, Gitea's
//! `GITEA_PUSHER_NAME` and `GITEA_PUSHER_EMAIL`. The pusher cannot set
//! these themselves; the roster maps them to a person.

/// One way the server names the pusher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// A user name: the roster's person id.
    Id(String),
    /// An e-mail address of a person in the roster.
    Email(String),
}

/// The pusher as the server named them, and which variable said so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pusher {
    /// Tried in this order against the roster.
    pub claims: Vec<Claim>,
    /// The variable the first claim came from (for the messages).
    pub source: &'static str,
}

/// The variables tried, in order; the first one set names the pusher.
pub const VARIABLES: [&str; 4] = [
    "TERTIAL_USER",
    "GL_USERNAME",
    "GITEA_PUSHER_EMAIL",
    "GITEA_PUSHER_NAME",
];

impl Pusher {
    /// The pusher named by the environment `get` reads (None: no server
    /// variable is set, or all are empty).
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Option<Pusher> {
        let value = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        if let Some(user) = value("TERTIAL_USER") {
            return Some(Pusher {
                claims: vec![Claim::Id(user)],
                source: "TERTIAL_USER",
            });
        }
        if let Some(user) = value("GL_USERNAME") {
            return Some(Pusher {
                claims: vec![Claim::Id(user)],
                source: "GL_USERNAME",
            });
        }
        // Gitea names the account and its e-mail; the e-mail is tried first
        // because a roster lists e-mails for every person.
        let email = value("GITEA_PUSHER_EMAIL").map(Claim::Email);
        let name = value("GITEA_PUSHER_NAME").map(Claim::Id);
        let source = if email.is_some() {
            "GITEA_PUSHER_EMAIL"
        } else {
            "GITEA_PUSHER_NAME"
        };
        let claims: Vec<Claim> = email.into_iter().chain(name).collect();
        (!claims.is_empty()).then_some(Pusher { claims, source })
    }

    /// How the server named the pusher, for messages (made safe to show).
    pub fn shown(&self) -> String {
        let names: Vec<&str> = self
            .claims
            .iter()
            .map(|c| match c {
                Claim::Id(s) | Claim::Email(s) => s.as_str(),
            })
            .collect();
        crate::sanitize::line(&names.join(" / ")).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Option<Pusher> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Pusher::from_env(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    #[test]
    fn the_servers_own_variable_names_the_pusher() {
        assert_eq!(env(&[]), None);
        assert_eq!(env(&[("TERTIAL_USER", "  ")]), None);
        let p = env(&[("TERTIAL_USER", "anna"), ("GL_USERNAME", "other")]).unwrap();
        assert_eq!(
            (p.claims, p.source),
            (vec![Claim::Id("anna".into())], "TERTIAL_USER")
        );
        let p = env(&[("GL_USERNAME", "bertil")]).unwrap();
        assert_eq!(p.claims, [Claim::Id("bertil".into())]);
        let p = env(&[
            ("GITEA_PUSHER_NAME", "cecilia"),
            ("GITEA_PUSHER_EMAIL", "cecilia@example.invalid"),
        ])
        .unwrap();
        assert_eq!(
            p.claims,
            [
                Claim::Email("cecilia@example.invalid".into()),
                Claim::Id("cecilia".into())
            ]
        );
        assert_eq!(p.shown(), "cecilia@example.invalid / cecilia");
        let p = env(&[("GITEA_PUSHER_NAME", "d\u{1b}[2Jx")]).unwrap();
        assert_eq!(p.source, "GITEA_PUSHER_NAME");
        assert!(!p.shown().contains('\u{1b}'), "{}", p.shown());
    }
}
