//! The trailers tertial writes at the end of every follow-up commit
//! (`Unit:`, `Period:`, `Status:`, `Tool-Version:`, `Reopen-Reason:`, and
//! on a reviewer's commit `Review:` and `Reviewer:`), read
//! back the way `git interpret-trailers --parse` does: from the message's
//! last paragraph only, so text in the body can never pose as a trailer.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trailers {
    pub unit: Option<String>,
    pub period: Option<String>,
    pub status: Option<String>,
    pub tool_version: Option<String>,
    /// Every trailer, in order, including unknown ones.
    pub all: Vec<(String, String)>,
}

impl Trailers {
    pub fn is_tertial(&self) -> bool {
        self.unit.is_some()
            && self.period.is_some()
            && self.status.is_some()
            && self.tool_version.is_some()
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.all
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }
}

pub fn parse(message: &str) -> Trailers {
    let trimmed = message.trim_end();
    let last = trimmed.rsplit("\n\n").next().unwrap_or("");
    // A message of one paragraph has no trailers (it is the subject).
    if last.len() == trimmed.len() {
        return Trailers::default();
    }
    let mut t = Trailers::default();
    for line in last.lines() {
        let Some((k, v)) = line.split_once(": ") else {
            // Not a trailer block after all.
            return Trailers::default();
        };
        if k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Trailers::default();
        }
        t.all.push((k.to_string(), v.trim().to_string()));
    }
    t.unit = t.get("Unit").map(str::to_string);
    t.period = t.get("Period").map(str::to_string);
    t.status = t.get("Status").map(str::to_string);
    t.tool_version = t.get("Tool-Version").map(str::to_string);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_last_paragraph_only() {
        let m = "Uppföljning 2026-T1: X (klar)\n\nUnit: fake\nStatus: klar\n\nUnit: a\nPeriod: 2026-T1\nStatus: klar\nTool-Version: 0.1.0\n";
        let t = parse(m);
        assert_eq!(t.unit.as_deref(), Some("a"));
        assert!(t.is_tertial());
        assert_eq!(parse("Just a subject\n"), Trailers::default());
        assert_eq!(
            parse("Subject\n\nPlain body text here.\n"),
            Trailers::default()
        );
        assert!(!parse("S\n\nUnit: a\nnot a trailer\n").is_tertial());
    }
}
