//! The corrections that change the shape of the plan's texts: split a
//! point in two, merge it with the next, move a text to another field,
//! remove a point or a text not placed. Pure functions on a `Doc`.

use super::item::{Doc, Item, Target, points, set_points};

/// Why a correction could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Only points and texts not placed can be split, merged or moved.
    NotAPoint,
    /// A split at the very start or end would leave an empty point.
    NothingToSplit,
    /// The last point has no next one to merge with.
    NoNext,
    Gone,
}

/// Splits the point at `at` (a byte offset into `text`, the point's text
/// as edited) into the text before and the text after; returns the new
/// second point.
pub fn split(doc: &mut Doc, item: Item, text: &str, at: usize) -> Result<Item, Refused> {
    if !item.is_point() {
        return Err(Refused::NotAPoint);
    }
    let at = floor_boundary(text, at);
    let (left, right) = (text[..at].trim(), text[at..].trim());
    if left.is_empty() || right.is_empty() {
        return Err(Refused::NothingToSplit);
    }
    let (left, right) = (left.to_string(), right.to_string());
    let p = &mut doc.plan;
    match item {
        Item::CommitteeResult(i, j) => {
            let list = committee_results(p, i)?;
            (j < list.len()).then_some(()).ok_or(Refused::Gone)?;
            list[j] = left;
            list.insert(j + 1, right);
            Ok(Item::CommitteeResult(i, j + 1))
        }
        Item::Point(i, f, j) => {
            let g = p.unit_goals.get_mut(i).ok_or(Refused::Gone)?;
            let mut v = points(g, f);
            (j < v.len()).then_some(()).ok_or(Refused::Gone)?;
            v[j] = left;
            v.insert(j + 1, right);
            set_points(g, f, v);
            Ok(Item::Point(i, f, j + 1))
        }
        Item::Unplaced(i) => {
            let line = doc.unplaced.get(i).ok_or(Refused::Gone)?.0;
            doc.unplaced[i].1 = left;
            doc.unplaced.insert(i + 1, (line, right));
            Ok(Item::Unplaced(i + 1))
        }
        _ => Err(Refused::NotAPoint),
    }
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn join(a: &str, b: &str) -> String {
    match (a.trim_end(), b.trim_start()) {
        ("", b) => b.to_string(),
        (a, "") => a.to_string(),
        (a, b) => format!("{a} {b}"),
    }
}

/// Joins the point with the one after it (a sentence that was cut in two).
pub fn merge_with_next(doc: &mut Doc, item: Item) -> Result<Item, Refused> {
    let p = &mut doc.plan;
    match item {
        Item::CommitteeResult(i, j) => {
            let list = committee_results(p, i)?;
            merge_in(list, j)?;
        }
        Item::Point(i, f, j) => {
            let g = p.unit_goals.get_mut(i).ok_or(Refused::Gone)?;
            let mut v = points(g, f);
            merge_in(&mut v, j)?;
            set_points(g, f, v);
        }
        Item::Unplaced(i) => {
            if i + 1 >= doc.unplaced.len() {
                return Err(Refused::NoNext);
            }
            let next = doc.unplaced.remove(i + 1).1;
            doc.unplaced[i].1 = join(&doc.unplaced[i].1, &next);
        }
        _ => return Err(Refused::NotAPoint),
    }
    Ok(item)
}

fn merge_in(list: &mut Vec<String>, j: usize) -> Result<(), Refused> {
    if j + 1 >= list.len() {
        return Err(Refused::NoNext);
    }
    let next = list.remove(j + 1);
    list[j] = join(&list[j], &next);
    Ok(())
}

/// Takes a point or a text not placed out of where it is.
pub fn remove(doc: &mut Doc, item: Item) -> Result<String, Refused> {
    let p = &mut doc.plan;
    match item {
        Item::CommitteeResult(i, j) => {
            let list = committee_results(p, i)?;
            (j < list.len()).then_some(()).ok_or(Refused::Gone)?;
            Ok(list.remove(j))
        }
        Item::Point(i, f, j) => {
            let g = p.unit_goals.get_mut(i).ok_or(Refused::Gone)?;
            let mut v = points(g, f);
            (j < v.len()).then_some(()).ok_or(Refused::Gone)?;
            let text = v.remove(j);
            set_points(g, f, v);
            Ok(text)
        }
        Item::Unplaced(i) => {
            (i < doc.unplaced.len())
                .then_some(())
                .ok_or(Refused::Gone)?;
            Ok(doc.unplaced.remove(i).1)
        }
        _ => Err(Refused::NotAPoint),
    }
}

/// Moves the text of `item` to `target`; returns the item it became.
pub fn move_to(doc: &mut Doc, item: Item, target: Target) -> Result<Item, Refused> {
    // Checked before anything is taken out, so a refusal changes nothing.
    let mut probe = doc.clone();
    let text = remove(&mut probe, item)?;
    let text = text.trim().to_string();
    let p = &mut probe.plan;
    let placed = match target {
        Target::UnitName => {
            p.unit.name = text;
            Item::UnitName
        }
        Target::Committee => {
            p.unit.committee = text;
            Item::Committee
        }
        Target::KfTitle(i) => {
            let g = p.kf_goals.get_mut(i).ok_or(Refused::Gone)?;
            g.title = join(&g.title, &text);
            Item::KfTitle(i)
        }
        Target::AreaTitle(i) => {
            let g = p.area_goals.get_mut(i).ok_or(Refused::Gone)?;
            g.title = join(&g.title, &text);
            Item::AreaTitle(i)
        }
        Target::CommitteeTitle(i) => {
            let g = p.committee_goals.get_mut(i).ok_or(Refused::Gone)?;
            g.title = join(&g.title, &text);
            Item::CommitteeTitle(i)
        }
        Target::Description(i) => {
            let g = p.committee_goals.get_mut(i).ok_or(Refused::Gone)?;
            g.description = if g.description.trim().is_empty() {
                text
            } else {
                format!("{}\n\n{text}", g.description.trim_end())
            };
            Item::Description(i)
        }
        Target::CommitteeResults(i) => {
            let g = p.committee_goals.get_mut(i).ok_or(Refused::Gone)?;
            g.expected_results.push(text);
            Item::CommitteeResult(i, g.expected_results.len() - 1)
        }
        Target::UnitTitle(i) => {
            let g = p.unit_goals.get_mut(i).ok_or(Refused::Gone)?;
            g.title = join(&g.title, &text);
            Item::UnitTitle(i)
        }
        Target::UnitField(i, f) => {
            let g = p.unit_goals.get_mut(i).ok_or(Refused::Gone)?;
            let mut v = points(g, f);
            v.push(text);
            let n = v.len();
            set_points(g, f, v);
            Item::Point(i, f, n - 1)
        }
    };
    *doc = probe;
    Ok(placed)
}

/// Every place a text can be moved to, in document order, with the goal
/// it belongs to (for the chooser's labels).
pub fn targets(doc: &Doc) -> Vec<Target> {
    let p = &doc.plan;
    let mut out = vec![Target::UnitName, Target::Committee];
    for kf in 0..p.kf_goals.len() {
        out.push(Target::KfTitle(kf));
    }
    for a in 0..p.area_goals.len() {
        out.push(Target::AreaTitle(a));
    }
    for c in 0..p.committee_goals.len() {
        out.extend([
            Target::CommitteeTitle(c),
            Target::Description(c),
            Target::CommitteeResults(c),
        ]);
    }
    for u in 0..p.unit_goals.len() {
        out.push(Target::UnitTitle(u));
        for f in super::item::Field::ALL {
            out.push(Target::UnitField(u, f));
        }
    }
    out
}

/// The förväntat resultat of nämndmål `i`, or `Gone` when it no longer is.
fn committee_results(p: &mut crate::plan::Plan, i: usize) -> Result<&mut Vec<String>, Refused> {
    Ok(&mut p
        .committee_goals
        .get_mut(i)
        .ok_or(Refused::Gone)?
        .expected_results)
}
