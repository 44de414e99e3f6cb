//! Where a JSON path points in the JSON text: the line and column of a value, for
//! errors found after the text was read (a row with too many cells, a 31st of April).

/// One step of a path: a field or an array index.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `appendices[0].content[1].table` to its steps; `None` for a malformed path.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            out.push(Step::Index(r[..end].parse().ok()?));
            rest = &r[end + 1..];
        } else {
            let r = rest.strip_prefix('.').unwrap_or(rest);
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                return None;
            }
            out.push(Step::Key(&r[..end]));
            rest = &r[end..];
        }
    }
    Some(out)
}

/// A cursor over JSON text that can skip values; it trusts the text to be valid JSON
/// (it has been parsed already) and gives up, returning `None`, where it is not.
struct Cursor<'a> {
    s: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn ws(&mut self) {
        while self.s.get(self.at).is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        self.ws();
        (self.s.get(self.at) == Some(&b)).then(|| self.at += 1)
    }

    /// A string's raw contents (escapes left as written).
    fn string(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.at;
        while let Some(&b) = self.s.get(self.at) {
            match b {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(&self.s[start..self.at - 1]);
                }
                _ => self.at += 1,
            }
        }
        None
    }

    fn skip_value(&mut self) -> Option<()> {
        self.ws();
        match self.s.get(self.at)? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.s.get(self.at)? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while self
                    .s
                    .get(self.at)
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                Some(())
            }
        }
    }

    /// Moves to the value of `step` inside the value at the cursor.
    fn enter(&mut self, step: &Step) -> Option<()> {
        match step {
            Step::Key(key) => {
                self.eat(b'{')?;
                loop {
                    let k = self.string()?;
                    self.eat(b':')?;
                    if k == key.as_bytes() {
                        self.ws();
                        return Some(());
                    }
                    self.skip_value()?;
                    self.eat(b',')?;
                }
            }
            Step::Index(i) => {
                self.eat(b'[')?;
                for _ in 0..*i {
                    self.skip_value()?;
                    self.eat(b',')?;
                }
                self.ws();
                Some(())
            }
        }
    }
}

/// The 1-based line and column where the value at `path` starts in `json`, or where
/// its deepest existing parent starts when the path names something absent (a
/// missing field). `None` when the path cannot be followed at all. In
/// `{"a": [1, 2]}`, the path `a[1]` points at the `2`.
pub(crate) fn locate(json: &str, path: &str) -> Option<(usize, usize)> {
    let mut c = Cursor {
        s: json.as_bytes(),
        at: 0,
    };
    c.ws();
    let mut found = c.at;
    for step in steps(path)? {
        if c.enter(&step).is_none() {
            break;
        }
        found = c.at;
    }
    let head = &json[..found.min(json.len())];
    let line = head.matches('\n').count() + 1;
    let column = head[head.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    const J: &str = "{\n  \"a\": [1, {\"b\": \"x]\\\"\", \"c\": [true, null]}],\n  \"d\": 2\n}";

    #[test]
    fn paths_are_followed_through_objects_arrays_and_strings() {
        assert_eq!(locate(J, "a[0]"), Some((2, 9)));
        assert_eq!(locate(J, "a[1].c[1]"), Some((2, 38)));
        assert_eq!(locate(J, "d"), Some((3, 8)));
    }

    #[test]
    fn an_absent_field_points_at_its_parent() {
        assert_eq!(locate(J, "a[1].zz"), Some((2, 12)));
        assert_eq!(locate(J, "a[9]"), Some((2, 8)));
    }

    #[test]
    fn paths_parse_into_steps() {
        assert_eq!(
            steps("rows[3][6].x").unwrap(),
            [
                Step::Key("rows"),
                Step::Index(3),
                Step::Index(6),
                Step::Key("x")
            ]
        );
        assert!(steps("a[x]").is_none());
    }
}
