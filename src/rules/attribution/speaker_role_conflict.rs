//! ## What it does
//! Flags a person given a role or nationality that the same text contradicts: `said French
//! President Olaf Scholz` where the text elsewhere calls him `German Chancellor Olaf Scholz`
//! (another nationality, another top office), or where it names `French President Emmanuel
//! Macron` (an office with one holder given to two people). The finding points at the
//! contradicting mention, with the role given elsewhere as evidence.
//!
//! Past roles (`former`, `ex-`, `бывший`, `ehemalige`, `ancien`) and offices that many people
//! hold at once (minister, spokesperson, general) never conflict. An office given to two
//! people conflicts only when the text ties both to the same country.
//!
//! ## Why is this bad?
//! A translation that swaps a title or a nationality credits a statement to the wrong office
//! or the wrong country, which is the kind of error that forces a correction.
//!
//! ## Example
//! ```text
//! German Chancellor Olaf Scholz arrived in Paris on Monday. ...
//! "Europe must stand together," said French President Olaf Scholz.
//! ```
//!
//! ## How to silence it
//! Correct the role or the name. `--ignore A401` turns the rule off.

use crate::analysis::speakers::{Person, RoleMention};
use crate::finding::{Diagnostic, Evidence};
use crate::names;
use crate::rules::Context;

/// Offices one person would not hold together at the same time.
const TOP_OFFICES: &[&str] =
    &["president", "chancellor", "prime-minister", "king", "queen", "pope", "secretary-general"];

fn label(r: &RoleMention) -> String {
    r.text.clone()
}

/// The roles a person holds now (past ones left out).
fn current(p: &Person) -> Vec<&RoleMention> {
    p.roles.iter().filter(|r| !r.former).collect()
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let people = &ctx.analysis.people.people;
    let mut out = Vec::new();
    // One person, two contradicting roles.
    for p in people {
        let roles = current(p);
        for (j, r2) in roles.iter().enumerate() {
            let conflict = roles[..j].iter().find(|r1| {
                let nation = matches!((r1.country, r2.country), (Some(a), Some(b)) if a != b);
                let office = matches!((r1.canonical, r2.canonical), (Some(a), Some(b)) if a != b && TOP_OFFICES.contains(&a) && TOP_OFFICES.contains(&b))
                    && (r1.country.is_none() || r2.country.is_none() || r1.country == r2.country);
                nation || office
            });
            if let Some(r1) = conflict {
                let span = r2.span.cover(r2.mention);
                out.push(
                    Diagnostic::new(
                        span,
                        format!(
                            "{} is called '{}' here, but '{}' elsewhere in this text",
                            p.name,
                            label(r2),
                            label(r1)
                        ),
                    )
                    .with_evidence(Evidence::here(r1.span.cover(r1.mention), "role given here")),
                );
            }
        }
    }
    // One office of a country, two holders.
    for (j, q) in people.iter().enumerate() {
        for r2 in current(q) {
            let (Some(office), Some(country)) = (r2.canonical, r2.country) else { continue };
            if !r2.unique {
                continue;
            }
            let holder = people.iter().enumerate().find_map(|(i, p)| {
                if i == j || names::same_person(&p.name, &q.name) {
                    return None;
                }
                current(p)
                    .into_iter()
                    .find(|r1| {
                        r1.canonical == Some(office)
                            && r1.country == Some(country)
                            && r1.span.start < r2.span.start
                    })
                    .map(|r1| (p, r1))
            });
            if let Some((p, r1)) = holder {
                let span = r2.span.cover(r2.mention);
                out.push(
                    Diagnostic::new(
                        span,
                        format!(
                            "'{}' is given to {} here, but this text names {} as {}",
                            r2.text,
                            r2.mention.slice(text),
                            p.name,
                            r1.text
                        ),
                    )
                    .with_evidence(Evidence::here(r1.span.cover(r1.mention), "role given here")),
                );
            }
        }
    }
    out.sort_by_key(|d| (d.span.start, d.span.end));
    out.dedup_by_key(|d| d.span);
    out
}
