//! The sample plans shipped inside the binary (from `plans/` in the source
//! tree), so `tertial demo` and `init --with-samples` work from anywhere.

/// (path inside a workspace, file content)
pub const PLANS: &[(&str, &str)] = &[
    (
        "plans/2026/hagerstens-hemtjanst.toml",
        include_str!("../../plans/2026/hagerstens-hemtjanst.toml"),
    ),
    (
        "plans/2025/hagersten-alvsjos-hemtjanst.toml",
        include_str!("../../plans/2025/hagersten-alvsjos-hemtjanst.toml"),
    ),
    (
        "plans/2025/bestallarenhet-2.toml",
        include_str!("../../plans/2025/bestallarenhet-2.toml"),
    ),
];

/// Follow-ups committed in the demo workspace: Beställarenhet 2's year
/// 2025, its verksamhetsberättelse re-entered from the city's own report
/// (the tertials hold only their synpunkter och klagomål counts). The same
/// files are the report tests' fixtures.
pub const DEMO_FOLLOWUPS: &[(&str, &str)] = &[
    (
        "plans/2025/bestallarenhet-2.toml",
        include_str!("../../tests/fixtures/bestallarenhet-2-2025-T1.toml"),
    ),
    (
        "plans/2025/bestallarenhet-2.toml",
        include_str!("../../tests/fixtures/bestallarenhet-2-2025-T2.toml"),
    ),
    (
        "plans/2025/bestallarenhet-2.toml",
        include_str!("../../tests/fixtures/bestallarenhet-2-2025-VB.toml"),
    ),
];
