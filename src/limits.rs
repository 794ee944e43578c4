//! Resource limits applied to every package, so that nothing crafted into a zip can exhaust
//! memory or time. Each limit reached becomes a finding for that package.

/// Limits for reading one package. The defaults fit any real app package with a wide margin
/// (Partner Center itself refuses packages above a few MiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file (zip or entry on disk) read at all, in bytes.
    pub max_input_bytes: u64,
    /// Total uncompressed bytes read from one package.
    pub max_total_bytes: u64,
    /// Uncompressed bytes of one entry.
    pub max_entry_bytes: u64,
    /// Number of entries in one package.
    pub max_entries: usize,
    /// Uncompressed/compressed ratio above which an entry larger than 1 MiB is treated as a bomb.
    pub max_ratio: u64,
    /// Nesting depth of a JSON document.
    pub max_json_depth: usize,
    /// Length in bytes of one JSON string value.
    pub max_string_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_total_bytes: 64 * 1024 * 1024,
            max_entry_bytes: 16 * 1024 * 1024,
            max_entries: 2_000,
            max_ratio: 200,
            max_json_depth: 64,
            max_string_bytes: 1024 * 1024,
        }
    }
}

/// Most values (objects, arrays, members and elements) one JSON file may hold. Each value costs
/// memory in the parsed tree and the pointer index (about 350 bytes each); real package files
/// hold a few thousand.
/// Not configurable: it bounds memory, like the other limits, whatever the flags say.
pub const MAX_JSON_VALUES: usize = 200_000;
