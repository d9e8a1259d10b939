//! The walk behind [`super::merge`]: two copies' JSON values, leaf by leaf. Objects are merged
//! key by key, arrays of objects that all have an `id` (sections, their items, actions) item
//! by item by that id, never by position. Anything else is a leaf: equal, or filled on one
//! side only (taken), or a conflict (left at our value, and listed).

use serde_json::{Map, Value};

use crate::framework::Framework;
use crate::model::AreaId;

/// One leaf the two copies fill differently, while walking.
pub(super) struct Leaf {
    /// Where it is in the merged value (a JSON pointer), to put the chosen value.
    pub pointer: String,
    /// Where it is in our copy (`sections[2].items[3].rating`), to find its question.
    pub ours_path: String,
    /// Where it is, in words, outermost first: ["Action a1", "description"].
    pub context: Vec<String>,
    pub ours: Value,
    pub theirs: Value,
}

/// The state of one walk: the JSON paths left to ours (derived, or settled by a rule), and
/// the conflicts found.
pub(super) struct Walk<'a> {
    pub skip: &'a [&'a str],
    pub framework: &'a Framework,
    pub leaves: Vec<Leaf>,
}

/// Blank: nothing filled in here.
fn empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn key(value: &Value) -> Option<&str> {
    value.get("id")?.as_str()
}

fn keyed(items: &[Value]) -> bool {
    items.iter().all(|item| key(item).is_some())
}

/// "actions" → "Action", "items" → "Statement", "sections" → "Area": how one item of a keyed
/// list is named to a person.
fn item_name(list: &str) -> String {
    match list {
        "items" => "Statement".into(),
        "sections" => "Area".into(),
        _ => {
            let one = list.strip_suffix('s').unwrap_or(list).replace('_', " ");
            let mut chars = one.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

impl Walk<'_> {
    /// The merged value of `ours` and `theirs` at `pointer` (`ours_path` in our copy).
    pub fn value(
        &mut self,
        ours: &Value,
        theirs: &Value,
        pointer: &str,
        ours_path: &str,
        context: &[String],
    ) -> Value {
        if ours == theirs || empty(theirs) || self.skip.contains(&ours_path) {
            return ours.clone();
        }
        if empty(ours) {
            return theirs.clone();
        }
        if ours_path == "concern_updates" {
            if let Some(both) = super::union_of_updates(ours, theirs) {
                return both;
            }
        }
        match (ours, theirs) {
            (Value::Object(a), Value::Object(b)) => {
                Value::Object(self.object(a, b, pointer, ours_path, context))
            }
            (Value::Array(a), Value::Array(b)) if keyed(a) && keyed(b) => {
                Value::Array(self.list(a, b, pointer, ours_path, context))
            }
            _ => {
                self.leaves.push(Leaf {
                    pointer: pointer.to_string(),
                    ours_path: ours_path.to_string(),
                    context: context.to_vec(),
                    ours: ours.clone(),
                    theirs: theirs.clone(),
                });
                ours.clone()
            }
        }
    }

    fn object(
        &mut self,
        a: &Map<String, Value>,
        b: &Map<String, Value>,
        pointer: &str,
        ours_path: &str,
        context: &[String],
    ) -> Map<String, Value> {
        let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
        let mut out = Map::new();
        for k in keys {
            let (x, y) = (
                a.get(k).unwrap_or(&Value::Null),
                b.get(k).unwrap_or(&Value::Null),
            );
            let path = if ours_path.is_empty() {
                k.clone()
            } else {
                format!("{ours_path}.{k}")
            };
            let mut within = context.to_vec();
            within.push(k.replace('_', " "));
            let merged = self.value(x, y, &format!("{pointer}/{k}"), &path, &within);
            out.insert(k.clone(), merged);
        }
        out
    }

    /// Items are matched by id. Items of one side only are taken, in the order of their side;
    /// where both sides add a run of items at the same place, the run whose first id is
    /// smaller comes first, so the order does not depend on which copy is ours.
    fn list<'v>(
        &mut self,
        a: &'v [Value],
        b: &'v [Value],
        pointer: &str,
        ours_path: &str,
        context: &[String],
    ) -> Vec<Value> {
        // Plain lists, not hash sets: a review has at most a few hundred items, and the form's
        // download stays free of another hash table's code.
        let ids = |items: &'v [Value]| -> Vec<&'v str> { items.iter().filter_map(key).collect() };
        let (in_a, in_b) = (ids(a), ids(b));
        let position = |items: &[Value], id: &str| items.iter().position(|v| key(v) == Some(id));
        let name = item_name(ours_path.rsplit('.').next().unwrap_or(ours_path));
        let mut out = Vec::new();
        let mut done: Vec<&str> = Vec::new();
        let (mut i, mut j) = (0, 0);
        loop {
            let skip_done = |items: &[Value], mut n: usize, done: &[&str]| {
                while items
                    .get(n)
                    .and_then(key)
                    .is_some_and(|k| done.contains(&k))
                {
                    n += 1;
                }
                n
            };
            i = skip_done(a, i, &done);
            j = skip_done(b, j, &done);
            let run = |items: &[Value], n: usize, other: &[&str]| {
                items[n..]
                    .iter()
                    .take_while(|v| key(v).is_some_and(|k| !other.contains(&k)))
                    .count()
            };
            let (ra, rb) = (run(a, i, &in_b), run(b, j, &in_a));
            let mut runs = [&a[i..i + ra], &b[j..j + rb]];
            if ra > 0 && rb > 0 && key(&runs[1][0]) < key(&runs[0][0]) {
                runs.swap(0, 1);
            }
            for item in runs.into_iter().flatten() {
                out.push(item.clone());
                done.extend(key(item));
            }
            (i, j) = (i + ra, j + rb);
            let shared = match (a.get(i), b.get(j)) {
                (Some(x), _) => key(x),
                (None, Some(y)) => key(y),
                (None, None) => break,
            };
            let Some(id) = shared else {
                break;
            };
            let (Some(x), Some(y)) = (position(a, id), position(b, id)) else {
                break;
            };
            // The list's own key gives way to the item's name: "Action a1", not "actions".
            let mut within = context[..context.len().saturating_sub(1)].to_vec();
            let area = (name == "Area")
                .then(|| self.framework.area(&AreaId(id.to_string())))
                .flatten();
            within.push(match area {
                Some(area) => area.title.clone(),
                None => format!("{name} {id}"),
            });
            let merged = self.value(
                &a[x],
                &b[y],
                &format!("{pointer}/{}", out.len()),
                &format!("{ours_path}[{x}]"),
                &within,
            );
            out.push(merged);
            done.push(id);
        }
        out
    }
}
