//! Code rules: tabs (`staticTabs[]`, `configurableTabs[]`).
