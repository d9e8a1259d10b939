//! The limits a PLR is held to, wherever it comes from (the form's fields, an imported file,
//! a Head of Service's update, a moderation): the form description, import and the rules of
//! each record read them here, below all of them.

/// The largest file accepted, in bytes (5 MB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The longest narrative (notes, reflections, impact, rationale, descriptions, comments), in
/// characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest short field (names, references, team, ids), in characters.
pub const MAX_SHORT_CHARS: usize = 200;
/// The most actions a PLR may have.
pub const MAX_ACTIONS: usize = 200;
