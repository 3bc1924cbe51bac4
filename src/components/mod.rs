//! Parts shown on more than one screen or around every screen: the status line, a listing's
//! actions (save, share, calendar), and the "new version" banner.

pub mod actions;
pub mod status;
pub mod update_banner;
