//! Prints each quote of a JSONL pair file with its attribution, source and translation side.
//! `cargo run --example speakers_dump -- FILE [ID]`
use faithful::analysis::Analysis;
use faithful::config::Settings;

fn dump(a: &Analysis, text: &str) {
    if std::env::var_os("PEOPLE").is_some() {
        for p in &a.people.people {
            let mentions: Vec<&str> = p.mentions.iter().map(|m| m.span.slice(text)).collect();
            let roles: Vec<(&str, Option<&str>)> =
                p.roles.iter().map(|r| (r.text.as_str(), r.canonical)).collect();
            println!("  person {:?} given={:?} roles={roles:?} mentions={mentions:?}", p.name, p.given);
        }
    }
    for q in &a.quotes.quotes {
        let s = q.speaker.as_ref();
        println!(
            "  {:?} <- {:?} {:?} cue={:?}",
            q.span.slice(text).chars().take(50).collect::<String>(),
            s.map(|s| (s.kind, s.name.clone(), s.mention.slice(text).to_string())),
            s.and_then(|s| s.person).map(|p| a.people.people[p].name.clone()),
            q.cue
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let settings = Settings::default();
    for l in faithful::input::load_paths(&[args[1].clone().into()]) {
        let Ok(doc) = l else { continue };
        if args.len() > 2 && doc.id.as_deref() != Some(args[2].as_str()) {
            continue;
        }
        let a = Analysis::new(&doc, &settings);
        println!("== {:?}", doc.id);
        let src = doc.source.as_deref().unwrap();
        println!(" source ({}):", a.source.as_ref().unwrap().language.document.code);
        dump(a.source.as_ref().unwrap(), &src.text);
        println!(" target ({}):", a.language.document.code);
        dump(&a, &doc.text);
    }
}
