//! What a template may do: no recursion (an include of itself, a macro calling
//! itself, directly or through others), no more than [`MAX_MARKUP`] bytes of
//! markup, no longer than [`MAX_TIME`], no `range` over more than [`MAX_RANGE`]
//! numbers. Tera itself has no such limits: a recursive template overflows the
//! stack, a long loop takes all memory.

use std::collections::HashMap;
use std::io::Write;
use std::time::{Duration, Instant};

use crate::Error;

/// The most layout markup one render may produce.
pub const MAX_MARKUP: usize = 64 << 20;
/// The longest one render may take.
pub const MAX_TIME: Duration = Duration::from_secs(20);
/// The most numbers `range` may give.
pub const MAX_RANGE: i64 = 100_000;

/// The tags (`{% … %}`) of a template: their content, trimmed, and where each ends.
fn tags(src: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = src[at..].find("{%") {
        let start = at + open + 2;
        let Some(close) = src[start..].find("%}") else {
            break;
        };
        let inner = src[start..start + close].trim_matches(|c: char| c == '-' || c.is_whitespace());
        at = start + close + 2;
        out.push((at, inner));
    }
    out
}

fn quoted(s: &str) -> Option<&str> {
    let s = s.trim();
    let q = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &s[1..];
    rest.find(q).map(|end| &rest[..end])
}

fn ident_before(s: &str) -> &str {
    let start = s
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    &s[start..]
}

fn ident_after(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Refuses templates that include themselves or whose macros call themselves,
/// directly or through other templates and macros.
pub(crate) fn refuse_recursion(sources: &[(String, String)]) -> Result<(), Error> {
    // Nodes: ("file", "") for a template's includes, ("file", "macro") for a macro.
    let mut edges: HashMap<(String, String), Vec<(String, String)>> = HashMap::new();
    for (file, src) in sources {
        let tags = tags(src);
        let mut aliases: HashMap<&str, &str> = HashMap::new();
        for (_, t) in &tags {
            if let Some(rest) = t.strip_prefix("import ")
                && let Some(target) = quoted(rest)
                && let Some((_, alias)) = rest.rsplit_once(" as ")
            {
                aliases.insert(alias.trim(), target);
            }
        }
        for (_, t) in &tags {
            if let Some(rest) = t.strip_prefix("include ")
                && let Some(target) = quoted(rest)
            {
                edges
                    .entry((file.clone(), String::new()))
                    .or_default()
                    .push((target.to_string(), String::new()));
            }
        }
        for (i, (end, t)) in tags.iter().enumerate() {
            let Some(rest) = t.strip_prefix("macro ") else {
                continue;
            };
            let name = ident_after(rest.trim());
            let body_end = tags[i + 1..]
                .iter()
                .find(|(_, t)| t.starts_with("endmacro"))
                .map_or(src.len(), |(e, _)| *e);
            let body = &src[*end..body_end];
            let node = (file.clone(), name.to_string());
            let calls = edges.entry(node).or_default();
            for (k, _) in body.match_indices("::") {
                let ns = ident_before(&body[..k]);
                let callee = ident_after(&body[k + 2..]);
                let target = if ns == "self" {
                    Some(file.as_str())
                } else {
                    aliases.get(ns).copied()
                };
                if let Some(target) = target
                    && !callee.is_empty()
                {
                    calls.push((target.to_string(), callee.to_string()));
                }
            }
            for (_, t) in tags[i + 1..].iter().take_while(|(e, _)| *e <= body_end) {
                if let Some(rest) = t.strip_prefix("include ")
                    && let Some(target) = quoted(rest)
                {
                    calls.push((target.to_string(), String::new()));
                }
            }
        }
    }
    // Depth-first search for a cycle, iteratively.
    let mut done: HashMap<&(String, String), bool> = HashMap::new();
    for start in edges.keys() {
        if done.contains_key(start) {
            continue;
        }
        let mut path: Vec<(&(String, String), usize)> = vec![(start, 0)];
        done.insert(start, false);
        while let Some((node, next)) = path.last_mut() {
            let node: &(String, String) = node;
            let out = edges.get(node).map_or(&[][..], Vec::as_slice);
            if *next >= out.len() {
                done.insert(node, true);
                path.pop();
                continue;
            }
            let to = &out[*next];
            *next += 1;
            let Some((key, _)) = edges.get_key_value(to) else {
                continue;
            };
            match done.get(key) {
                Some(false) => {
                    let name = |n: &(String, String)| {
                        if n.1.is_empty() {
                            n.0.clone()
                        } else {
                            format!("{}::{}", n.0, n.1)
                        }
                    };
                    let mut chain: Vec<String> = path
                        .iter()
                        .skip_while(|(n, _)| *n != key)
                        .map(|(n, _)| name(n))
                        .collect();
                    chain.push(name(key));
                    return Err(Error::Template {
                        name: key.0.clone(),
                        message: format!(
                            "templates may not recurse, and this one does: {}",
                            chain.join(" → ")
                        ),
                    });
                }
                Some(true) => {}
                None => {
                    done.insert(key, false);
                    path.push((key, 0));
                }
            }
        }
    }
    Ok(())
}

/// Tera's `range`, refusing more than [`MAX_RANGE`] numbers.
pub(crate) fn range(args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let get = |k: &str, default: i64| -> tera::Result<i64> {
        match args.get(k) {
            None => Ok(default),
            Some(v) => v
                .as_i64()
                .ok_or_else(|| tera::Error::msg(format!("range: `{k}` must be an integer"))),
        }
    };
    let start = get("start", 0)?;
    let end = get("end", i64::MIN)?;
    if end == i64::MIN {
        return Err(tera::Error::msg("range: `end` is required"));
    }
    let step = get("step_by", 1)?;
    if step <= 0 {
        return Err(tera::Error::msg("range: `step_by` must be positive"));
    }
    let count = (end - start).max(0) / step;
    if count > MAX_RANGE {
        return Err(tera::Error::msg(format!(
            "range: {count} numbers, over the limit of {MAX_RANGE}"
        )));
    }
    Ok((start..end)
        .step_by(step as usize)
        .map(tera::Value::from)
        .collect::<Vec<_>>()
        .into())
}

/// A writer that stops a render past [`MAX_MARKUP`] bytes or [`MAX_TIME`].
pub(crate) struct Bounded {
    pub out: Vec<u8>,
    started: Instant,
}

impl Bounded {
    pub fn new() -> Self {
        Bounded {
            out: Vec::new(),
            started: Instant::now(),
        }
    }
}

impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.out.len() + buf.len() > MAX_MARKUP {
            return Err(std::io::Error::other(format!(
                "the template produced more than {} MiB of markup, over the limit",
                MAX_MARKUP >> 20
            )));
        }
        // The clock is read once per 64 KiB of markup, not at every small write.
        let crossed = (self.out.len() + buf.len()) >> 16 != self.out.len() >> 16;
        if crossed && self.started.elapsed() > MAX_TIME {
            return Err(std::io::Error::other(format!(
                "the template ran longer than {} s, over the limit",
                MAX_TIME.as_secs()
            )));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(files: &[(&str, &str)]) -> Vec<(String, String)> {
        files
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn recursion_is_found() {
        let self_include = src(&[("a.tera", "x {% include \"a.tera\" %}")]);
        let e = refuse_recursion(&self_include).unwrap_err().to_string();
        assert!(e.contains("a.tera → a.tera"), "{e}");
        let mutual = src(&[
            (
                "m.tera",
                "{% macro f(n) %}{{ self::g(n=n) }}{% endmacro f %}{% macro g(n) %}{{ self::f(n=n) }}{% endmacro g %}",
            ),
            ("t.tera", "{% import \"m.tera\" as m %}{{ m::f(n=1) }}"),
        ]);
        let e = refuse_recursion(&mutual).unwrap_err().to_string();
        assert!(
            e.contains("m.tera::f → m.tera::g → m.tera::f")
                || e.contains("m.tera::g → m.tera::f → m.tera::g"),
            "{e}"
        );
        let fine = src(&[
            (
                "m.tera",
                "{% macro f(n) %}{{ self::g(n=n) }}{% endmacro f %}{% macro g(n) %}{{ n }}{% endmacro g %}",
            ),
            (
                "t.tera",
                "{% import \"m.tera\" as m %}{% include \"u.tera\" %}{{ m::f(n=1) }}",
            ),
            ("u.tera", "{{ 1 }}"),
        ]);
        refuse_recursion(&fine).unwrap();
    }
}
