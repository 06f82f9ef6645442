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
