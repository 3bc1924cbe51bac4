//! The listing's own application questions, asked after the standard "about you" questions.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// Stable within the listing; answers are keyed by it.
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(flatten)]
    pub answer: AnswerKind,
}

/// What kind of answer a question takes, with its limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum AnswerKind {
    ShortText {
        #[serde(rename = "maxLength", default = "short_default")]
        max_length: u32,
    },
    LongText {
        #[serde(rename = "maxLength", default = "long_default")]
        max_length: u32,
    },
    SingleChoice {
        options: Vec<String>,
    },
    MultipleChoice {
        options: Vec<String>,
    },
    YesNo,
    Date,
}

fn short_default() -> u32 {
    200
}
fn long_default() -> u32 {
    2000
}
