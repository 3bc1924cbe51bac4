//! A posted HTML form as name/value pairs, in order. Repeated names (a question's label in
//! each row, ticked checkboxes) keep their order, which is why this is not a map.

/// The most fields one form may post.
pub const MAX_FIELDS: usize = 5_000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    /// From an `application/x-www-form-urlencoded` body; None if it is not one.
    pub fn parse(body: &[u8]) -> Option<Fields> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).ok()?;
        (pairs.len() <= MAX_FIELDS).then_some(Fields(pairs))
    }

    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

#[cfg(test)]
mod tests {
    use super::Fields;

    #[test]
    fn repeated_names_keep_their_order() {
        let f =
            Fields::parse(b"q-label=First&q-label=Second+one&expense=travel&title=A%26B").unwrap();
        assert_eq!(f.all("q-label"), vec!["First", "Second one"]);
        assert_eq!(f.get("title"), "A&B");
        assert_eq!(f.get("missing"), "");
        assert!(f.has("expense"));
    }
}
