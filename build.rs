//! Embeds the per-language data files under `src/lang/` so that adding a lexicon is adding a
//! file: the generated table maps `"<lang>/<file>"` to its contents.

use std::fs;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lang");
    println!("cargo:rerun-if-changed=src/lang");
    let mut entries = Vec::new();
    collect(&root, &root, &mut entries);
    entries.sort();
    let mut out = String::from("/// Every data file under `src/lang/`, by path relative to it.\npub static FILES: &[(&str, &str)] = &[\n");
    for (rel, abs) in &entries {
        out.push_str(&format!("    ({rel:?}, include_str!({abs:?})),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("lang_files.rs");
    fs::write(dest, out).unwrap();
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(read) = fs::read_dir(dir) else { return };
    for entry in read.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // Relative to the package, so a target directory copied from another checkout
            // does not keep watching (and embedding) that checkout's files.
            let rel =
                path.strip_prefix(root.parent().and_then(Path::parent).unwrap_or(root)).unwrap_or(&path);
            println!("cargo:rerun-if-changed={}", rel.display());
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "tsv" || e == "toml") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, path.to_string_lossy().into_owned()));
        }
    }
}
